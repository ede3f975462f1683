export * from './errors';
export * from './enums';
export * from './api.types';
export * from './identity.rules';
export * from './audience.rules';
export * from './names.rules';
export * from './account';
export * from './upload.rules';
