/** The importer, split into its own chunk with the markdown stack. */
export { importPostmortem } from '../../../shared/markdown/importTemplate';
