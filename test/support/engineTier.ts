// The engine tier's suites wait for LibreOffice, Chromium and webpack: 120 s per test instead of the unit tier's 20 s.
jest.setTimeout(120000);
