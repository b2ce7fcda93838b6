// The protocol module: the only code the client and the simulator share.
export * from './sign';
export * from './timestamp';
export * from './crypto-profiles';
export * from './credentials';
export * from './envelope';
export * from './errors';
export * from './describe-error';
