// The people the bundled consultation lists as in the public record of its field (consultation.json), whose names
// redaction leaves alone: for tests that redact the bundled field's sentences.
import { readFileSync } from 'node:fs';
import { publicRecord } from '../../src/lib/analysis/redact';

export const BUNDLED_RECORD = publicRecord((JSON.parse(readFileSync('data/consultation.json', 'utf8')) as { public_record: string[] }).public_record);
