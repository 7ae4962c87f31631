// Test configuration, set before any module reads it. Each test file gets its own database (database.ts).
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.SESSION_SECRET = 'test-session-secret-0123456789abcdefghijklmnop';
process.env.ENCRYPTION_KEYS = 'test1:' + Buffer.alloc(32, 7).toString('base64');
process.env.PUBLIC_URL = 'http://127.0.0.1:3000';
