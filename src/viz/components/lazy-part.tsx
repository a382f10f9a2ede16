/**
 * A part of the app whose code is loaded the first time it opens, and kept from then on. The
 * import dialog brings every file reader with it (workbooks, XML, system maps): evaluated as the
 * app started, they made its first task a long one, for a dialog a visit may never open.
 */
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** What a lazily loaded part is told besides its own props: that its code could not be loaded. */
export interface LazyPartProps {
  loadFailed: (error: Error) => void;
}

export function lazyPart<P extends { open: boolean }>(load: () => Promise<ComponentType<P>>): ComponentType<P & LazyPartProps> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyPart(props: P & LazyPartProps) {
    const [part, setPart] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (part !== null || !props.open) return;
      let live = true;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        (component) => live && setPart(() => component),
        (error: unknown) => {
          // Asked again at the next opening (a network that came back, say).
          loading = null;
          if (live) props.loadFailed(error instanceof Error ? error : new Error(String(error)));
        },
      );
      return () => {
        live = false;
      };
    }, [props.open, part]);
    if (part === null) return null;
    const { loadFailed: _failed, ...own } = props;
    return h(part, own as unknown as P);
  };
}
