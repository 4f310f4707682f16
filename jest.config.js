/** Unit and integration tests run in node; UI tests opt into jsdom with a docblock. */
module.exports = {
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/test/setupTests.ts'],
  moduleNameMapper: { '\\.(css)$': '<rootDir>/test/stubs/style.js' },
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  testTimeout: 60000,
};
