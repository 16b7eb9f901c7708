/** Starlight route middleware: the sidebar shows the current family's pages only (src/lib/site/sidebar-trim.ts). */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { trimSidebar } from './lib/site/sidebar-trim.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  route.sidebar = trimSidebar(route.sidebar as never) as typeof route.sidebar;
});
