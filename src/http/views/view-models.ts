import type { EndorsementGroup } from '../../domain/public-site/endorsement-groups.js';

// The data public pages render, already filtered to what may be public.
export type NewsletterSummary = { title: string; url: string; publishedOn: string; summary: string; lang: 'en' | 'es' };
export type EventSummary = { title: string; url: string; calendarUrl: string; kind: 'press_conference' | 'meeting' | 'rally' | 'other'; startsAt: Date; location: string };
export type EndorsementCount = { group: EndorsementGroup; count: number };
export type EndorsementCard = { name: string; title: string; date: string; quote: string; documentUrl: string | null; documentSize: number | null };
