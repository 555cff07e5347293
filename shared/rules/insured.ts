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
  /** Plain reasons in the calculation's language; for someone not insured also what remains for them. */
  reasons: string[]
  sources: SourceRef[]
}

export function insuredStatus(context: RuleContext, ageAtStartOfYear: number, reachedAow: boolean): InsuredStatus {
  const { client } = context.clientCase
  const { parameters } = context
  const { say } = context.texts
  const alternatives = say('insured.alternatives')
  if (reachedAow) {
    return {
      insured: false,
      reasons: [say('insured.aowReached')],
      sources: refs({ source: 'RADI-2024', locator: 'vraag 9' }),
    }
  }
  if (client.conscientiousObjector) {
    return {
      insured: false,
      reasons: [say('insured.objector'), alternatives],
      sources: refs({ source: 'KB-2021', locator: '§3.2 kring van verzekerden' }),
    }
  }
  switch (client.role) {
    case 'ib-ondernemer':
      return {
        insured: true,
        reasons: [ageAtStartOfYear < 18 ? say('insured.ibUnder18') : say('insured.ib')],
        sources: refs({ source: 'MKB-2024', locator: 'II Voorstel' }, { source: 'RADI-2024', locator: 'vraag 1' }),
      }
    case 'meewerkende-partner':
      return parameters.partnerInsured.value
        ? {
            insured: true,
            reasons: [say('insured.partner')],
            sources: refs(parameters.partnerInsured.cite),
          }
        : {
            insured: false,
            reasons: [say('insured.partnerNot'), alternatives],
            sources: refs(parameters.partnerInsured.cite),
          }
    case 'dga':
      return {
        insured: false,
        reasons: [say('insured.dga'), alternatives],
        sources: refs({ source: 'RADI-2024', locator: 'vraag 1' }, { source: 'RO-2026-03-13', locator: "DGA's vallen buiten de Baz" }),
      }
    case 'resultaatgenieter':
      return {
        insured: false,
        reasons: [say('insured.resultaatgenieter'), alternatives],
        sources: refs({ source: 'RADI-2024', locator: 'vraag 1' }),
      }
    case 'werknemer':
      return {
        insured: false,
        reasons: [say('insured.werknemer'), alternatives],
        sources: refs({ source: 'MKB-2024', locator: 'I Aanleiding: voor werknemers geldt de WIA' }),
      }
  }
}
