import { getDb, getReadDb } from '$lib/server/db';
import { consultationInfo } from '$lib/server/db/consultation';
import { unanalysedComments } from '$lib/server/db/stats';
import { unanalysedAnswers } from '$lib/server/facts';

export function load({ locals, url }) {
	// Read again on every page (the path is read for that): an import from the command line while someone reads the
	// pages leaves answers uncounted until the next analysis, and every page's numbers are then short of them.
	void url.pathname;
	const db = getReadDb();
	const waiting = locals.user ? { answers: unanalysedAnswers(db), comments: unanalysedComments(db) } : null;
	return { consultation: consultationInfo(getDb()), user: locals.user, waiting };
}
