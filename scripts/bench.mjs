#!/usr/bin/env node
// `npm run bench`: every benchmark the project has (today: search and store, scripts/bench-search.mjs).
import './bench-search.mjs';
