// Plain shapes that pages receive from the server (kept here so components need not import server modules).
export interface AnswerView {
	answerId: number;
	responseId: string;
	question: string;
	choice: string | null;
	stance: string | null;
	text: string;
	sector: string;
	sectorInferred: boolean;
	organisation: string | null;
	respondentType: string | null;
	confidential: boolean;
	campaignSize: number | null;
	campaignId: number | null;
	/** Each theme the answer has: `source` 'manual' when an analyst decided it, `suggested` when the model tagged it
	 * (so a manual one was accepted rather than added; its confidence and evidence are the model's). */
	themes: { id: string; label: string; source: string; suggested: boolean; confidence: number | null; evidence: string[] }[];
}
