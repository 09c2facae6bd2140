#!/usr/bin/env node
// `report build|check|serve|pdf|init|schema`: the generator's command line, for the report in the
// working directory. The generator is TypeScript, run through tsx from its own dependencies, so
// a report folder needs no build step and no copy of the generator.
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
