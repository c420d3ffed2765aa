/** Reports as CSV and XLSX files, shared by the centre's server and the city hub. */
export * from './report-files';
export * from './export-messages';
