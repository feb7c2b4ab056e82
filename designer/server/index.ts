/**
 * The designer's public surface: the region's authoring app. With a runtime reader it also embeds
 * the league/banner runtime — through the runtime's own public module, never its internals.
 */
export { createDesignerApp, type DesignerAppOptions } from './designer-app.js';
