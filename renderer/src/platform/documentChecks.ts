/**
 * The schema checks the browser platform runs on stored data (zod and the schemas built
 * with it), in a chunk of their own: listing the library reads only index rows, checked
 * by hand, so the start-up script needs none of this. Loaded on the first read of a
 * document, setting or agenda, and by then usually already in with the document editor.
 */
export { agendaTemplateSchema, agendaTemplatesSchema } from '../../../shared/agenda';
export { checkPostmortem, rememberValid } from '../../../shared/documentValidation';
export { meetingMessageSchema } from '../../../shared/meetingSync';
export { migrateDocument } from '../../../shared/migrations';
export { promptSettingsSchema } from '../../../shared/promptSettings';
export { describeIssues } from '../../../shared/validation';
