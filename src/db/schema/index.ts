export * from './accounts.js';
export * from './audit.js';
export * from './campaigns.js';
export * from './mail.js';
export * from './cards.js';
export * from './conduct.js';
export * from './petitions.js';
export * from './public-site.js';
