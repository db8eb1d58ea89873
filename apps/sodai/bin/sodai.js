#!/usr/bin/env node
// The CLI runs from TypeScript source: tsx registers its loader, then the real entry point loads.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
