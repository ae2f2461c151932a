// Why a sync file was refused or could not be saved (ADR 22), in German; every refusal also says that
// nothing was changed. Apart from error-messages.ts so the start page loads these only with the reader.
import { m } from '$lib/paraglide/messages.js';
import type { SyncFileError } from '$lib/state/sync-file/sync-file-transfer.svelte';
import { errorMessage } from './error-messages';

const SYNC_FILE_MESSAGES: Record<
	Exclude<SyncFileError, `storage_${string}` | 'code_load_failed'>,
	() => string
> = {
	not_sync_file: m.err_sync_file_not_sync_file,
	newer_format: m.err_sync_file_newer_format,
	too_large: m.err_sync_file_too_large,
	truncated: m.err_sync_file_truncated,
	damaged: m.err_sync_file_damaged,
	foreign_document: m.err_sync_file_foreign_document,
	not_allowed: m.err_sync_file_not_allowed,
	invalid_content: m.err_sync_file_invalid_content,
	nothing_to_save: m.err_sync_file_nothing_to_save,
	read_failed: m.err_sync_file_read_failed
};

export const syncFileErrorMessage = (code: SyncFileError): string =>
	(SYNC_FILE_MESSAGES as Record<string, () => string>)[code]?.() ?? errorMessage(code);
