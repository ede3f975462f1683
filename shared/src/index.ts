export * from './errors';
export * from './enums';
export * from './api.types';
export * from './identity.rules';
export * from './upload.rules';
