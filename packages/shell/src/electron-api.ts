/**
 * The slice of Electron the shells use, as an interface. The main process passes the real
 * `electron` module in; tests pass a fake. This keeps the shells thin and testable on
 * machines where the Electron binary is absent.
 */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rectangle;
  readonly workArea: Rectangle;
  readonly label?: string;
}

export interface NavigationEvent {
  preventDefault(): void;
  /** Where the page is going (Electron 25+; the listener's second argument is deprecated). */
  readonly url?: string;
}

export interface WebContentsLike {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): void;
  on(event: 'unresponsive', listener: () => void): void;
  on(
    event: 'did-fail-load',
    listener: (
      event: unknown,
      errorCode: number,
      errorDescription: string,
      validatedUrl: string,
      isMainFrame: boolean,
    ) => void,
  ): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): void;
  reload(): void;
  /** A message to the page's preload (`ipcRenderer.on`). */
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  /** Pinch zoom; the kiosk turns it off (its accessible mode enlarges text instead). */
  setVisualZoomLevelLimits?(minimum: number, maximum: number): Promise<void>;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  on(event: 'close', listener: (event: NavigationEvent) => void): void;
  on(event: 'closed' | 'resize' | 'move', listener: () => void): void;
  getBounds(): Rectangle;
  setBounds(bounds: Rectangle): void;
  isMaximized(): boolean;
  maximize(): void;
  setKiosk(flag: boolean): void;
  setFullScreen(flag: boolean): void;
  setAlwaysOnTop(flag: boolean, level?: string): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  close(): void;
}

export interface BrowserWindowOptions {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fullscreen?: boolean;
  kiosk?: boolean;
  frame?: boolean;
  autoHideMenuBar?: boolean;
  backgroundColor?: string;
  show?: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    webSecurity: true;
  };
}

export interface ElectronLike {
  app: {
    requestSingleInstanceLock(): boolean;
    on(event: 'second-instance' | 'window-all-closed', listener: () => void): void;
    whenReady(): Promise<void>;
    getPath(name: 'userData'): string;
    quit(): void;
    exit(code?: number): void;
  };
  BrowserWindow: new (options: BrowserWindowOptions) => BrowserWindowLike;
  /** `setApplicationMenu(null)` removes the default menu and its shortcuts (reload, dev tools, close). */
  Menu: { setApplicationMenu(menu: null): void };
  screen: {
    getAllDisplays(): DisplayInfo[];
    getPrimaryDisplay(): DisplayInfo;
    on(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): void;
  };
  powerSaveBlocker: {
    start(type: 'prevent-display-sleep' | 'prevent-app-suspension'): number;
  };
  ipcMain: {
    handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void;
  };
}
