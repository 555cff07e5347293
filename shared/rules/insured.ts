/**
 * Who is insured (kring van verzekerden).
 * MKB-2024 II: "zelfstandigen die ondernemer zijn voor de inkomstenbelasting (zogenaamde
 * IB-ondernemers) en meewerkende partners verzekerd zijn". RADI-2024 q1: "Dus niet
 * directeuren-grootaandeelhouders (DGA's) en mensen die resultaat uit overige werkzaamheden
 * (ROW) genieten". KB-2021 §3.2: "Van de verzekeringsplicht zijn uitgezonderd: gemoedsbezwaarden".
 * Cover runs until the AOW age (RADI-2024 q9).
 */
import type { SourceRef } from '../schema/result'
import type { RuleContext } from './context'
import { refs } from './explain'

export interface InsuredStatus {
  insured: boolean
  /** Plain Dutch reasons; for someone not insured also what remains for them. */
  reasons: string[]
  sources: SourceRef[]
}

const alternatives =
  'Wat overblijft: een private arbeidsongeschiktheidsverzekering (AOV), een broodfonds of schenkkring voor de eerste twee jaar, eigen buffer, en als laatste vangnet de bijstand.'

export function insuredStatus(context: RuleContext, ageAtStartOfYear: number, reachedAow: boolean): InsuredStatus {
  const { client } = context.clientCase
  const { parameters } = context
  if (reachedAow) {
    return {
      insured: false,
      reasons: ['De klant heeft in het rekenjaar de AOW-leeftijd bereikt; de Baz verzekert tot de AOW-leeftijd.'],
      sources: refs({ source: 'RADI-2024', locator: 'vraag 9' }),
    }
  }
  if (client.conscientiousObjector) {
    return {
      insured: false,
      reasons: ['De klant is gemoedsbezwaard en daarom uitgezonderd van de verzekeringsplicht.', alternatives],
      sources: refs({ source: 'KB-2021', locator: '§3.2 kring van verzekerden' }),
    }
  }
  switch (client.role) {
    case 'ib-ondernemer':
      return {
        insured: true,
        reasons: [
          ageAtStartOfYear < 18
            ? 'IB-ondernemer, maar jonger dan 18: vanaf welke leeftijd de verzekering geldt is nog open (RADI-2024 vraag 10).'
            : 'IB-ondernemer met winst uit onderneming: verplicht verzekerd, met of zonder personeel.',
        ],
        sources: refs({ source: 'MKB-2024', locator: 'II Voorstel' }, { source: 'RADI-2024', locator: 'vraag 1' }),
      }
    case 'meewerkende-partner':
      return parameters.partnerInsured.value
        ? {
            insured: true,
            reasons: ['Meewerkende partner van een IB-ondernemer: verzekerd in deze versie van het wetsvoorstel.'],
            sources: refs(parameters.partnerInsured.cite),
          }
        : {
            insured: false,
            reasons: [
              'Meewerkende partners vallen in deze versie van het wetsvoorstel niet onder de Baz (onzeker: volgens openbare samenvattingen).',
              alternatives,
            ],
            sources: refs(parameters.partnerInsured.cite),
          }
    case 'dga':
      return {
        insured: false,
        reasons: ['Een directeur-grootaandeelhouder (DGA) heeft geen winst uit onderneming en valt niet onder de Baz.', alternatives],
        sources: refs({ source: 'RADI-2024', locator: 'vraag 1' }, { source: 'RO-2026-03-13', locator: "DGA's vallen buiten de Baz" }),
      }
    case 'resultaatgenieter':
      return {
        insured: false,
        reasons: ['Een resultaatgenieter (resultaat uit overige werkzaamheden) heeft geen winst uit onderneming en valt niet onder de Baz.', alternatives],
        sources: refs({ source: 'RADI-2024', locator: 'vraag 1' }),
      }
    case 'werknemer':
      return {
        insured: false,
        reasons: ['Een werknemer zonder winst uit onderneming valt niet onder de Baz; hij is via de werkgever verzekerd voor de WIA.', alternatives],
        sources: refs({ source: 'MKB-2024', locator: 'I Aanleiding: voor werknemers geldt de WIA' }),
      }
  }
}
