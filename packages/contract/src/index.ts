export * from './errors';
export * from './executions';
export * from './auth';
export * from './webhooks';
export * from './pagination';
