/** A commune of the territory, where patients live: what turns "85500 Les Herbiers" into a distance to each centre. */
export interface CommuneView {
  id: string;
  name: string;
  postalCode: string;
  /** INSEE code, when the territory's list gives it. */
  inseeCode: string | null;
  latitude: number;
  longitude: number;
}

export interface CommuneInput {
  name: string;
  postalCode: string;
  inseeCode?: string | null;
  latitude: number;
  longitude: number;
}

/** The territory's whole list, replaced at once (a coordinator loads it from the official files). */
export interface CommuneListInput {
  communes: CommuneInput[];
  reason: string;
}
