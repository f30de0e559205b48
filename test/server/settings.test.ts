// Settings: stored, validated, saved from the sidebar and applied to the sheet and the schedule.
import { describe, test, expect } from '@jest/globals';
import { env, NOW, seedSettings } from '../support/env';
import { setupSample } from '../../src/server/setUpTab';
import { buildSidebarData } from '../../src/server/sidebarData';
import { sidebarSaveSettingsAction } from '../../src/server/sidebarActions';
import { loadSettings, saveSettings } from '../../src/server/settingsStore';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { setSchedule } from '../../src/server/schedule';

describe('settings', () => {
  test('a corrupt stored value falls back to defaults with a warning; actions still work', () => {
    const standIn = env();
    standIn.properties.document.set('cchc.settings', '{not json');
    const read = loadSettings();
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.warning).toContain('mặc định');
    expect(setupSample(NOW).ok).toBe(true);
    // The warning stays until the user saves settings again.
    expect(buildSidebarData(undefined, NOW).settingsWarning).toContain('mặc định');
    expect(sidebarSaveSettingsAction(DEFAULT_SETTINGS).ok).toBe(true);
    expect(buildSidebarData(undefined, NOW).settingsWarning).toBeNull();
  });

  test('an invalid field falls back on its own, the sector directory is kept', () => {
    const standIn = env();
    seedSettings(standIn, {
      nearDeadlineDays: -3,
      sectors: [{ name: 'BPMC', head: 'Chị Lan', email: 'lan@example.com' }],
    });
    const read = loadSettings();
    expect(read.settings.nearDeadlineDays).toBe(14);
    expect(read.settings.sectors).toEqual([{ name: 'BPMC', head: 'Chị Lan', email: 'lan@example.com' }]);
    expect(read.warning).toContain('nearDeadlineDays');
    const data = buildSidebarData(undefined, NOW);
    expect(data.settingsWarning).toContain('nearDeadlineDays');
  });

  test('saving: invalid settings are refused with field errors, valid ones stored and applied to the sheet', () => {
    const standIn = env();
    setupSample(NOW);
    const bad = sidebarSaveSettingsAction({
      ...DEFAULT_SETTINGS,
      sectors: [{ name: 'X', head: '', email: 'not-an-email' }],
    });
    expect(bad.ok).toBe(false);
    expect(bad.errors![0].path).toBe('sectors.0.email');
    expect(loadSettings().settings.sectors).toEqual([]);
    const bands = [
      { label: 'A', minPercent: 50 },
      { label: 'B', minPercent: 0 },
    ];
    const good = sidebarSaveSettingsAction({ ...DEFAULT_SETTINGS, bands });
    expect(good.ok).toBe(true);
    expect(good.data?.settings.bands).toEqual(bands);
    // The block's bands follow, and CCHC_CLASS reads them.
    const values = standIn.sheet('Tiêu chí').getRange('S1:T40').getValues();
    expect(values.filter((r) => r[0] === 'A' || r[0] === 'B')).toEqual([
      ['A', 50],
      ['B', 0],
    ]);
    expect(values.find((r) => r[0] === 'Xếp loại')![1]).toBe('B');
    expect(saveSettings({ nope: 1 }).ok).toBe(false);
  });

  test('saving a new send hour or day applies to the schedule at once', () => {
    const standIn = env();
    setupSample(NOW);
    setSchedule(true);
    expect(standIn.triggers[0].schedule?.atHour).toBe(DEFAULT_SETTINGS.scheduleHour);
    const saved = sidebarSaveSettingsAction({ ...DEFAULT_SETTINGS, scheduleHour: 16, scheduleDay: 25 });
    expect(saved.ok).toBe(true);
    expect(standIn.triggers).toHaveLength(1);
    expect(standIn.triggers[0].schedule?.atHour).toBe(16);
    expect(saved.data?.schedule).toMatchObject({ enabled: true, hour: 16, day: 25 });
    // Schedule off: saving does not turn it on.
    setSchedule(false);
    sidebarSaveSettingsAction({ ...DEFAULT_SETTINGS, scheduleHour: 9 });
    expect(standIn.triggers).toHaveLength(0);
  });
});

// ── Performance: a constant number of Spreadsheet calls whatever the size ──

/** A table of `rows` data rows in 8 areas (as real sets have), leaves cycling through the rules. */
