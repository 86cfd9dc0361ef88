export * from './lib/modality';
export * from './lib/role';
export * from './lib/centre';
export * from './lib/health';
export * from './lib/account';
export * from './lib/audit';
