import type { Feature } from '../feature';
import { archiveFeature } from './archive';
import { diagnosticsFeature } from './diagnostics';
import { disposalFeature } from './disposal';
import { editingFeature } from './editing';
import { exportFeature } from './export';
import { healthFeature } from './health';
import { importFeature } from './import';
import { labelsFeature } from './labels';
import { newRecordFeature } from './new-record';
import { outputFeature } from './output';
import { recordsViewFeature } from './records-view';
import { reviewFeature } from './review';
import { schemaFeature } from './schema';
import { sealFeature } from './seal';
import { setUpFeature } from './setup';
import { statusBarFeature } from './status-bar';
import { tableFeature } from './table';

/** Activation order. Adding a feature is adding a folder and a line here. */
export const features: readonly Feature[] = [
  outputFeature,
  schemaFeature,
  recordsViewFeature,
  diagnosticsFeature,
  editingFeature,
  archiveFeature,
  labelsFeature,
  disposalFeature,
  reviewFeature,
  statusBarFeature,
  newRecordFeature,
  exportFeature,
  tableFeature,
  healthFeature,
  importFeature,
  sealFeature,
  setUpFeature,
];
