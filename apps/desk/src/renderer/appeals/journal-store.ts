/**
 * The journal's filters and page, shared by the tab and the supervisor's monitor (whose
 * "overdue" link opens the journal filtered so), and a request to show the journal tab.
 */
import { create } from 'zustand';
import { type JournalFilters, NO_FILTERS } from './journal';

interface JournalState {
  readonly filters: JournalFilters;
  readonly page: number;
  /** Bumped when something asks for the journal tab to be shown. */
  readonly shown: number;
}

export const useJournal = create<JournalState>()(() => ({ filters: NO_FILTERS, page: 0, shown: 0 }));

export const setFilters = (change: Partial<JournalFilters>): void =>
  useJournal.setState((state) => ({ filters: { ...state.filters, ...change }, page: 0 }));

export const clearFilters = (): void => useJournal.setState({ filters: NO_FILTERS, page: 0 });

export const setPage = (page: number): void => useJournal.setState({ page: Math.max(0, page) });

/** Show the journal with these filters (the rest cleared). */
export const openJournal = (filters: Partial<JournalFilters> = {}): void =>
  useJournal.setState((state) => ({
    filters: { ...NO_FILTERS, ...filters },
    page: 0,
    shown: state.shown + 1,
  }));
