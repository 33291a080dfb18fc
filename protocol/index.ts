export * from './admin-schemas.js';
export * from './api-client.js';
export * from './errors.js';
export * from './live-client.js';
export * from './live-controller.js';
export * from './messages.js';
export * from './notice-schemas.js';
export * from './schemas.js';
