/** The markdown stack, split into its own chunk (see renderMarkdown). */
export { exportPostmortem } from '../../../shared/markdown/export';
export { exportIncidentReport } from '../../../shared/markdown/incidentReport';
