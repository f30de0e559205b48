// The add-on menu. Items name top-level functions of dist/Code.js (declared in src/index.ts).
// onOpen may run in AuthMode.NONE (before the user has authorised the add-on in this document): then only
// building the menu is allowed, no reading of the sheet or properties.

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** Menu items in display order; null marks a separator. */
export const MENU_ITEMS: (MenuItem | null)[] = [
  { caption: 'Mở bảng điều khiển', functionName: 'menuShowSidebar' },
  null,
  { caption: 'Thiết lập bảng tiêu chí mẫu', functionName: 'menuSetupSample' },
  { caption: 'Gắn vào trang đang mở', functionName: 'menuAttachActiveSheet' },
  { caption: 'Tính lại điểm và tô màu', functionName: 'menuRecompute' },
  { caption: 'Kiểm tra dữ liệu', functionName: 'menuCheckData' },
  null,
  { caption: 'Lập trang báo cáo', functionName: 'menuGenerateReport' },
  { caption: 'Lưu số liệu tháng vào Lịch sử', functionName: 'menuSnapshotNow' },
  { caption: 'Gửi báo cáo tháng ngay', functionName: 'menuSendNow' },
  null,
  { caption: 'Kiểm tra môi trường', functionName: 'menuSelfCheck' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('CCHC Scorecard');
  SpreadsheetApp.getUi().showSidebar(html);
}
