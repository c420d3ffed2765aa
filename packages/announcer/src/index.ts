/**
 * @queue/announcer: composes the spoken hall announcements of the queue ("Талон А сто двадцять
 * три, вікно номер п'ять") and plays them one after another with a chime and a fallback chain
 * of voices. Browser-safe: no Node APIs.
 */
export * from './types';
export * from './vocabulary';
export * from './clips';
export * from './numbers';
export * from './compose';
export * from './scheduler';
export * from './voices';
export * from './queue';
