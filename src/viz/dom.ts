/**
 * Elements for the imperative parts (the sigma maps' controls), and saving a file. Text always goes
 * in through textContent: labels and attributes come from user files and must never be parsed as
 * HTML (components get the same from Preact, which sets text, never markup).
 */
type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  class?: string;
  title?: string;
  id?: string;
  role?: string;
  tabindex?: number;
  type?: string;
  value?: string;
  placeholder?: string;
  for?: string;
  hidden?: boolean;
  disabled?: boolean;
  aria?: Record<string, string>;
  data?: Record<string, string>;
  style?: Partial<CSSStyleDeclaration>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.title !== undefined) node.title = props.title;
  if (props.id) node.id = props.id;
  if (props.role) node.setAttribute('role', props.role);
  if (props.tabindex !== undefined) node.tabIndex = props.tabindex;
  if (props.type !== undefined) node.setAttribute('type', props.type);
  if (props.value !== undefined) (node as HTMLInputElement).value = props.value;
  if (props.placeholder !== undefined) node.setAttribute('placeholder', props.placeholder);
  if (props.for !== undefined) node.setAttribute('for', props.for);
  if (props.hidden) node.hidden = true;
  if (props.disabled) (node as HTMLButtonElement).disabled = true;
  for (const [k, v] of Object.entries(props.aria ?? {})) node.setAttribute(`aria-${k}`, v);
  for (const [k, v] of Object.entries(props.data ?? {})) node.dataset[k] = v;
  if (props.style) Object.assign(node.style, props.style);
  for (const [event, handler] of Object.entries(props.on ?? {})) {
    node.addEventListener(event, handler as EventListener);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function replace(node: Node, ...children: Child[]): void {
  clear(node);
  append(node, ...children);
}

/** Saves text as a file through a temporary link (no network involved). */
export function download(name: string, content: Blob | string | Uint8Array, type = 'text/plain'): void {
  const blob = content instanceof Blob ? content : new Blob([content as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = el('a', { style: { display: 'none' } });
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
