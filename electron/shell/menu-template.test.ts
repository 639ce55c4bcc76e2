import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../security/urls';
import type { MenuCommand } from './menu-template';
import { buildMenuTemplate, SCHEME_INFO_URL } from './menu-template';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(language: 'nb' | 'en', platform: NodeJS.Platform = 'linux', developer = false) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate({ language, platform, developer }, { command: (c) => sent.push(c), openExternal: (u) => opened.push(u) });
  return { template, sent, opened };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('has the Norwegian top-level menus in order', () => {
    expect(build('nb').template.map((item) => item.label)).toEqual(['Fil', 'Rediger', 'Vis', 'Vindu', 'Hjelp']);
    expect(build('en').template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it.each([
    ['CmdOrCtrl+N', 'workspace-create'],
    ['CmdOrCtrl+O', 'workspace-open'],
    ['CmdOrCtrl+I', 'import-packages'],
    ['CmdOrCtrl+E', 'export-signed'],
    ['CmdOrCtrl+,', 'settings'],
  ] as const)('%s sends %s to the renderer', (accelerator, command) => {
    const { template, sent } = build('nb');
    click(items(template).find((item) => item.accelerator === accelerator));
    expect(sent).toEqual([command]);
  });

  it('has no accelerator twice', () => {
    const accelerators = items(build('nb').template).flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it.each(['linux', 'win32', 'darwin'] as const)('has the window roles on %s (Ctrl/Cmd+W closes, Ctrl/Cmd+M minimises)', (platform) => {
    const { template } = build('nb', platform);
    const windowMenu = template.find((item) => item.role === 'windowMenu');
    expect(windowMenu?.label).toBe('Vindu');
    const roles = items(template).map((item) => item.role);
    expect(roles).toContain('close');
    expect(roles).toContain('minimize');
    // The roles bring their own accelerators: none of ours may take CmdOrCtrl+W or CmdOrCtrl+M.
    const accelerators = items(template).map((item) => String(item.accelerator ?? ''));
    expect(accelerators).not.toContain('CmdOrCtrl+W');
    expect(accelerators).not.toContain('CmdOrCtrl+M');
  });

  it('offers developer tools only in a development build', () => {
    const roles = (developer: boolean) => items(build('nb', 'linux', developer).template).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts Quit in the app menu on macOS and in Fil elsewhere', () => {
    expect(build('nb', 'darwin').template[0]?.role).toBe('appMenu');
    expect(items(build('nb', 'darwin').template).some((item) => item.role === 'quit')).toBe(false);
    expect(items(build('nb', 'win32').template).find((item) => item.role === 'quit')?.label).toBe('Avslutt');
  });

  it('links to the scheme page with a URL the external-link check accepts', () => {
    const { template, opened } = build('nb');
    click(items(template).find((item) => item.label === 'Om tilskuddsordningen (imdi.no)'));
    expect(opened).toEqual([SCHEME_INFO_URL]);
    expect(isAllowedExternalUrl(SCHEME_INFO_URL)).toBe(true);
  });
});
