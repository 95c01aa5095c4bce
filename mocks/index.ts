export { declaredProviders, mockPort, mockUrl } from "./ports";
export { PortInUseError, SPECS_DIR, startMock, startMocks, type MockOptions, type RunningMock } from "./start-mock";
export { specWithOverrides } from "./overrides";
// Test helpers (jest globals) live in "@sessionkit/mocks/testing" so the runner never loads jest.
