export * from './service';
export * from './advertise';
export * from './find-server';
export * from './identity';
