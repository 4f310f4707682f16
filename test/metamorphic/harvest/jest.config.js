/** Jest config for the harvest only (build.ts): the core tests, with the locator wrapped. */
const base = require('../../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../../..',
  setupFilesAfterEnv: [...base.setupFilesAfterEnv, '<rootDir>/test/metamorphic/harvest/setup.ts'],
  testMatch: ['<rootDir>/test/core/**/*.test.ts', '<rootDir>/test/cli/check.test.ts'],
};
