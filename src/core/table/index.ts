export * from './columns';
export * from './csv';
export * from './print';
export * from './edit';
export * from './sort';
export * from './view';
export * from './bulk';
