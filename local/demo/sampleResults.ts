// Realistic mid-year (late June) results for the embedded sample set (src/sheets/sample.ts), as a commune's
// sectors would have typed them before the 6-month review: most criteria secured, several at risk (below
// the top tier or target, no evidence, a deduction recorded, an appraisal gap, a deadline near), some
// losing or overdue, and a few bad cells people really type ("95 %", a word in a number column, "#N/A"
// from a broken lookup, an impossible date typed as text). Only input cells are filled.
import { sampleRows } from '../../src/sheets/sample';

export interface SampleResult {
  /** Kết quả: a number (ratios as fractions, as Sheets stores 95%), a text as typed, or a date [d, m]. */
  actual?: number | string | { date: [number, number] };
  /** Shown as a percentage (number format 0%). */
  percent?: boolean;
  evidence?: string;
  notes?: string;
  appraised?: number;
  /** Hạn: an internal deadline the commune set for a row without one in the set. */
  deadline?: [number, number];
  /** Giải pháp, Người thực hiện, Hạn khắc phục (a date [d, m], or a text as typed): the sector's solution. */
  solution?: string;
  solutionOwner?: string;
  solutionDue?: [number, number] | string;
}

/** The as-of date the sample story is told at: the mid-year review. */
export const SAMPLE_AS_OF: [number, number] = [20, 6];

/** Results by criterion code; `{Y}` in texts is replaced by the set's year. */
// prettier-ignore
export const SAMPLE_RESULTS: Record<string, SampleResult> = {
  '1.1.1': { actual: { date: [25, 1] }, evidence: 'QĐ số 15/QĐ-UBND ngày 25/01/{Y} ban hành KH CCHC' },
  '1.1.2': { actual: 0.85, percent: true, evidence: 'BC 6 tháng số 112/BC-UBND', notes: 'Còn 3/20 nhiệm vụ đang thực hiện' , solution: 'Đôn đốc 3 nhiệm vụ còn lại, báo cáo tiến độ tại giao ban tuần', solutionOwner: 'Nguyễn Thị Lan (VP-TK)', solutionDue: [31, 8] },
  '1.2': { actual: 'Đúng hạn', evidence: 'BC quý I số 35/BC-UBND, BC 6 tháng số 112/BC-UBND', notes: 'Còn BC quý III và BC năm' },
  '1.3': { actual: 0.5, percent: true, evidence: 'KH tự kiểm tra số 40/KH-UBND', deadline: [30, 6], notes: 'Còn 2 tồn tại chưa khắc phục' },
  '1.4': { actual: 4, evidence: '4 tin bài trên trang TTĐT xã' },
  '1.5': { actual: 1, evidence: 'Sổ theo dõi nhiệm vụ cấp trên giao', notes: '1 nhiệm vụ báo cáo trễ (CV 245/UBND)' },
  '1.6': { actual: 0.75, evidence: 'Tờ trình đề xuất sáng kiến "Số hóa sổ hộ tịch"' },
  '2.1': { actual: 'Không áp dụng', notes: 'Năm {Y} xã không ban hành VBQPPL' },
  '2.2.1': { actual: '', notes: 'Chưa ban hành KH rà soát văn bản' },
  '2.2.2': { actual: 1, percent: true, evidence: 'BC rà soát số 18/BC-UBND' },
  '2.3.1': { actual: { date: [28, 1] }, evidence: 'KH PBGDPL số 09/KH-UBND ngày 28/01/{Y}' },
  '2.3.2': { actual: 0.6, percent: true, evidence: 'BC PBGDPL 6 tháng' },
  '2.3.3': { actual: 'Chưa', notes: 'Chờ huyện công nhận cuối năm' },
  '2.4': { actual: 'Có', evidence: 'KH 31/KH-UBND, BC 77/BC-UBND' },
  '2.5': { actual: 0.85, percent: true, evidence: 'Sổ theo dõi hòa giải: 17/20 vụ thành' },
  '3.1.1': { actual: 0, evidence: 'Biên bản kiểm tra niêm yết TTHC tháng 5' },
  '3.1.2': { actual: 'Có' },
  '3.2.1': { actual: 'Có', evidence: 'QĐ kiện toàn BPMC số 03/QĐ-UBND' },
  '3.2.2': { actual: '95 %', evidence: 'Trích xuất Hệ thống giải quyết TTHC tỉnh' },
  '3.3.1': { actual: 0.97, percent: true, evidence: 'Thống kê hệ thống: 1.164/1.200 hồ sơ đúng hạn', notes: '36 hồ sơ đất đai trễ hạn' , solution: 'Rà soát 36 hồ sơ đất đai trễ hạn; nhắc hạn hằng tuần trên hệ thống', solutionOwner: 'Trần Văn Nam (ĐC-XD)', solutionDue: [15, 6] },
  '3.3.2': { actual: 'Có', evidence: '36 thư xin lỗi' },
  '3.3.3': { actual: '#N/A', notes: 'Lấy số liệu bằng VLOOKUP từ trang "Phản ánh"' },
  '3.4.1': { actual: 0.42, percent: true, evidence: 'Báo cáo DVCTT tháng 6' },
  '3.4.2': { actual: 0.12, percent: true, evidence: 'Báo cáo thanh toán trực tuyến' , solution: 'Hướng dẫn người dân thanh toán qua VNeID ngay tại BPMC', solutionOwner: 'Lê Thị Mai (BPMC)', solutionDue: '30/09/{Y}' },
  '3.4.3': { actual: 0.9, percent: true, evidence: 'Thống kê đánh giá trên hệ thống' },
  '3.5.1': { actual: 1, percent: true, evidence: 'Thống kê số hóa tháng 6', appraised: 1 },
  '3.5.2': { actual: 0.78, percent: true, evidence: 'Thống kê số hóa tháng 6' , solution: 'Số hóa kết quả tồn đọng, mỗi tuần 50 hồ sơ', solutionOwner: 'Lê Thị Mai (BPMC)', solutionDue: [31, 7] },
  '4.1': { actual: 'Có', evidence: 'BC số lượng CBCC' },
  '4.2': { actual: 'Có', evidence: 'QĐ 21/QĐ-UBND ban hành Quy chế làm việc' },
  '4.3': { actual: 'Có', evidence: 'NQ kiện toàn thôn' },
  '4.4': { actual: '', deadline: [5, 7], notes: 'Đang thực hiện 2/4 kiến nghị' },
  '5.1': { actual: 0, evidence: 'Đề án vị trí việc làm được phê duyệt' },
  '5.2': { actual: '' },
  '5.3': { actual: 1, percent: true, evidence: 'Danh sách CBCC đi bồi dưỡng' },
  '5.4.1': { actual: 'Có', evidence: 'Biên bản kiểm tra công vụ' },
  '5.4.2': { actual: 0, evidence: 'Không có quyết định kỷ luật' },
  '5.4.3': { actual: 'không có vụ nào' },
  '5.5': { actual: '' },
  '6.1': { actual: 1.02, percent: true, evidence: 'BC thu ngân sách 6 tháng (vượt dự toán)' },
  '6.2': { actual: 0.46, percent: true, evidence: 'BC giải ngân vốn ĐTC', notes: 'Công trình đường thôn 3 chậm GPMB' , solution: 'Họp dân thôn 3 giải quyết GPMB; đề nghị điều chuyển vốn nếu chưa xong', solutionOwner: 'Phạm Văn Hùng (ĐC-XD)', solutionDue: [31, 7] },
  '6.3': { actual: '31/02/{Y}', evidence: 'Biên bản công khai dự toán' },
  '6.4': { actual: 'Có', evidence: 'QĐ ban hành Quy chế chi tiêu nội bộ' },
  '6.5': { actual: 1, percent: true, evidence: 'BC thực hiện kiến nghị kiểm toán' },
  '7.1': { actual: 1, percent: true, evidence: 'Thống kê hệ thống QLVB' },
  '7.2': { actual: 'Có', evidence: 'Chứng thư số cơ quan, lãnh đạo' },
  '7.3': { actual: 6, evidence: 'Trang TTĐT: 6/6 tháng có ≥ 4 tin bài' },
  '7.4': { actual: 'Đúng hạn', evidence: 'Hệ thống báo cáo: 6/6 kỳ đúng hạn' },
  '7.5': { actual: 0.88, percent: true, evidence: 'BC Đề án 06 của Công an xã' },
  '7.6': { actual: 'Có', evidence: 'QĐ thành lập Tổ công nghệ số cộng đồng' },
  '7.7': { actual: 0, evidence: 'Không có sự cố' },
  '8.1': { actual: 0.86, percent: true, notes: 'Tạm tính theo kết quả SIPAS năm trước; chờ số liệu của tỉnh' },
  '8.2': { actual: 0.97, percent: true, evidence: 'Thống kê hệ thống' },
  '8.3': { actual: 0.8, percent: true, evidence: 'BC KT-XH 6 tháng' },
  '8.4': { actual: 'Đạt', evidence: 'QĐ công nhận xã NTM' },
  '8.5': { actual: 0, evidence: 'Sổ tiếp công dân' },
  '+': { actual: '' },
  '-': { actual: 0.5, notes: 'Chậm báo cáo đột xuất tháng 3 (CV nhắc nhở của cấp trên)' },
};

/** Every code above is a row of the sample set (checked by the tests, so the two cannot drift). */
export function unknownCodes(): string[] {
  const codes = new Set(sampleRows().map((r) => r.code));
  return Object.keys(SAMPLE_RESULTS).filter((c) => !codes.has(c));
}
