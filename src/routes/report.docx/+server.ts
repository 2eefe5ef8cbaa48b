import { audit } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { reportData } from '$lib/server/report/data';
import { reportDocx } from '$lib/server/report/docx';

export async function GET({ locals }) {
	const db = getDb();
	const buffer = await reportDocx(reportData(db));
	audit(db, locals.user!.username, 'report downloaded', 'summary of responses (docx)', {});
	return new Response(new Uint8Array(buffer), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': 'attachment; filename="summary-of-responses.docx"'
		}
	});
}
