/**
 * The Bicep release every generated repository is compiled and linted with in this project's tests
 * (test/compiler/BicepCompiler.csproj restores the same one; a test keeps the two equal). The generated
 * pipeline installs exactly this release, so what passed here passes there.
 */
export const BICEP_VERSION = '0.47.16';
