// testTimeout is a global option, so each Jest project sets its own default here.
import { jest } from '@jest/globals';

jest.setTimeout(120_000);
