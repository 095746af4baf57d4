import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyPage {
  /** The page, rendered inside the layout's Suspense boundary while its code loads. */
  Page: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's code (once); the router calls it as soon as a visit is known. */
  preload: () => Promise<unknown>;
}

/**
 * A page whose code is a separate chunk, loaded when the page is first visited. A chunk that fails
 * to load (a stale tab after a release, a lost connection) throws while rendering, so the route's
 * error page says there is a problem.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const loadOnce = () => {
    loading ??= load().then((module) => ({ default: module[name] }));
    return loading;
  };
  return { Page: lazy(loadOnce), preload: loadOnce };
}
