import '../engine/core/util/zod-setup.ts';
import './styles.css';
import { App } from './app.ts';

const root = document.getElementById('app');
if (root) {
  const app = new App(root);
  void app.start();
}
