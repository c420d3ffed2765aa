/**
 * @queue/printer: tickets to ESC/POS bytes (pure), printer profiles, status parsing and the
 * transports that carry the bytes to a printer (TCP 9100, device file, USB).
 */
export * from './appeal-receipt';
export * from './escpos/commands';
export * from './code-page-test';
export * from './encode';
export { blocksToTextEscPos } from './encode-text';
export { blocksToRasterEscPos, RASTER_BAND_ROWS } from './encode-raster';
export * from './format';
export * from './layout';
export * from './messages';
export * from './profile';
export * from './raster/bitmap';
export * from './raster/png';
export {
  BASE_FONT_DOTS,
  type RasterFonts,
  defaultFonts,
  preloadRasterFonts,
  renderBlocks,
} from './raster/render';
export * from './status';
export * from './template';
export * from './text/encoding';
export * from './text/wrap';
export * from './ticket-view';
export * from './transport/device';
export * from './transport/tcp';
export * from './transport/types';
export * from './transport/usb';
export * from './transport/usb-device';
