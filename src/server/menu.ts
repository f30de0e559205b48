// The add-on menu. Items name top-level functions of dist/Code.js (declared in src/index.ts).
// onOpen may run in AuthMode.NONE (before the user has authorised the add-on in this document): then only
// building the menu is allowed, no reading of the sheet or properties.

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** A sub-menu: its caption and items. */
export interface SubMenu {
  caption: string;
  items: MenuItem[];
}

/** Menu entries in display order; null marks a separator. */
export const MENU_ITEMS: (MenuItem | SubMenu | null)[] = [
  { caption: 'Mở bảng điều khiển', functionName: 'menuShowSidebar' },
  null,
  // Two embedded sets: the sample commune set, and the national Bộ chỉ số 766 (Decision 766/QĐ-TTg).
  {
    caption: 'Thiết lập bảng tiêu chí mẫu',
    items: [
      { caption: 'Bộ chỉ số CCHC cấp xã (mẫu)', functionName: 'menuSetupSample' },
      { caption: 'Bộ chỉ số 766 (Cổng DVCQG)', functionName: 'menuSetup766' },
    ],
  },
  { caption: 'Gắn vào trang đang mở', functionName: 'menuAttachActiveSheet' },
  { caption: 'Nhập bộ chỉ số chính thức', functionName: 'menuImportOfficial' },
  { caption: 'Tính lại điểm và tô màu', functionName: 'menuRecompute' },
  { caption: 'Kiểm tra dữ liệu', functionName: 'menuCheckData' },
  null,
  { caption: 'Lập trang báo cáo', functionName: 'menuGenerateReport' },
  { caption: 'Lưu số liệu tháng vào Lịch sử', functionName: 'menuSnapshotNow' },
  { caption: 'Gửi báo cáo tháng ngay', functionName: 'menuSendNow' },
  { caption: 'Mở khóa vòng chấm', functionName: 'menuUnlockRounds' },
  null,
  { caption: 'Thiết lập bảng tổng hợp tỉnh/xã', functionName: 'menuSetupProvince' },
  { caption: 'Gửi email tổng hợp tỉnh', functionName: 'menuSendProvinceEmail' },
  null,
  { caption: 'Kiểm tra môi trường', functionName: 'menuSelfCheck' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else if ('items' in item) {
      // Menu.addSubMenu(menu): https://developers.google.com/apps-script/reference/base/menu#addSubMenu(Menu)
      const sub = ui.createMenu(item.caption);
      for (const entry of item.items) sub.addItem(entry.caption, entry.functionName);
      menu.addSubMenu(sub);
    } else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('CCHC Scorecard');
  SpreadsheetApp.getUi().showSidebar(html);
}
