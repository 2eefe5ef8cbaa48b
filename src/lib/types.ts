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
	themes: { id: string; label: string; source: string; confidence: number | null; evidence: string[] }[];
}
