// RuleTester lints its own code under this file name, with the types of this project (tsconfig.json).
export {};
