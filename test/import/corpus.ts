// The reader's corpus: scoring prose as provinces write it in their PAR decisions (styles of the Huế,
// Điện Biên, Hà Nội 2025 sets and older commune sets: "1 điểm" / "1đ" / "01 điểm", decimal comma or point,
// ranges in every spelling, tiers high→low and low→high, deductions, per-item points, formulas, notes),
// each with the rule a careful clerk would type and, where the prose cannot be one rule, TỰ CHẤM.
// Lines are compared by scoring (design.md rules on the values below), never by the rule's text.
//
// Fields: [prose, max, expected rule, options]. `review: true` means the reading must be sent to review
// (the points disagree with the max, or the prose has a case the rule language cannot say); for those the
// expected rule is what the row should get after review, or TỰ CHẤM.
import type { CellValue } from '../../src/core/types';

export interface CorpusLine {
  prose: string;
  max: number;
  rule: string;
  /** The reading must be sent to review. */
  review: boolean;
  /**
   * The prose gives "không phát sinh" something other than full points: once the rule language can say it
   * (`; KPS: 0` / `; KPS: KAD`), the expected rule says it; until then the reading must go to review.
   */
  kps: boolean;
  values: CellValue[];
}

type Row = [string, number, string, { review?: boolean; kps?: boolean; values?: CellValue[] }?];

const rows: Row[] = [
  // ── CÓ/KHÔNG ──
  ['Có: 0,5 điểm; không có: 0 điểm', 0.5, 'CÓ/KHÔNG'],
  ['Ban hành Kế hoạch CCHC năm: 1 điểm; không ban hành: 0 điểm.', 1, 'CÓ/KHÔNG'],
  ['Có ban hành: 0.5đ; Không ban hành: 0đ', 0.5, 'CÓ/KHÔNG'],
  ['Thực hiện: 01 điểm; Không thực hiện: 0 điểm', 1, 'CÓ/KHÔNG'],
  ['Đạt: 1 điểm. Không đạt: 0 điểm.', 1, 'CÓ/KHÔNG'],
  ['Có tổ chức kiểm tra: 1,5 điểm; không tổ chức kiểm tra: không điểm', 1.5, 'CÓ/KHÔNG'],
  ['- Có văn bản chỉ đạo: 0,25 điểm\n- Không có văn bản: 0 điểm', 0.25, 'CÓ/KHÔNG'],
  ['Công khai đầy đủ trên Cổng thông tin điện tử: 0,5 điểm; không công khai: 0 điểm', 0.5, 'CÓ/KHÔNG'],
  ['Niêm yết đầy đủ, đúng quy định: 1 điểm; chưa niêm yết hoặc niêm yết không đầy đủ: 0 điểm', 1, 'CÓ/KHÔNG'],
  ['Có thực hiện: 2 điểm\nChưa thực hiện: 0 điểm', 2, 'CÓ/KHÔNG'],
  [
    'Xây dựng và vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015: 1 điểm; không: 0 điểm',
    1,
    'CÓ/KHÔNG',
  ],
  ['Bố trí đủ công chức tại Bộ phận Một cửa: 0,5 điểm; chưa bố trí đủ: 0 điểm', 0.5, 'CÓ/KHÔNG'],
  ['Có Kế hoạch tuyên truyền CCHC: được 1 điểm, không có: 0 điểm', 1, 'CÓ/KHÔNG'],
  ['Thực hiện đầy đủ chế độ báo cáo: 0,75 điểm; không thực hiện: 0 điểm', 0.75, 'CÓ/KHÔNG'],
  ['Ứng dụng chữ ký số trong gửi nhận văn bản: 1 điểm.\nChưa ứng dụng: 0 điểm.', 1, 'CÓ/KHÔNG'],
  ['Đạt chuẩn tiếp cận pháp luật: điểm tối đa; không đạt: 0 điểm', 1, 'CÓ/KHÔNG'],
  ['Có thành lập Tổ công nghệ số cộng đồng: 0,5 điểm, chưa thành lập: 0 điểm', 0.5, 'CÓ/KHÔNG'],
  ['Có: 1đ\nKhông: 0đ', 1, 'CÓ/KHÔNG'],
  [
    'Triển khai thanh toán không dùng tiền mặt tại Bộ phận Một cửa: 1 điểm; chưa triển khai: 0 điểm',
    1,
    'CÓ/KHÔNG',
  ],
  [
    'Thực hiện việc tiếp nhận, xử lý phản ánh kiến nghị theo quy định: 0,5 điểm. Không thực hiện: 0 điểm',
    0.5,
    'CÓ/KHÔNG',
  ],
  ['Cập nhật đầy đủ dữ liệu lên Hệ thống: đạt điểm tối đa; chưa cập nhật: 0 điểm', 2, 'CÓ/KHÔNG'],
  ['+ Có: 0,25 điểm;\n+ Không: 0 điểm.', 0.25, 'CÓ/KHÔNG'],
  ['Có tổ chức đối thoại với người dân, doanh nghiệp: 1 điểm; không tổ chức: 0 điểm', 1, 'CÓ/KHÔNG'],
  [
    'Bảo đảm 100% cán bộ, công chức có tài khoản thư điện tử công vụ: 0,5 điểm; không đảm bảo: 0 điểm',
    0.5,
    'CÓ/KHÔNG',
  ],
  ['Có ban hành: 1 điểm; không ban hành: 0 điểm', 0.5, 'CÓ/KHÔNG', { review: true }],
  ['Có: 2 điểm; Không: 0 điểm', 1.5, 'CÓ/KHÔNG', { review: true }],

  // ── HẠN ──
  [
    'Ban hành đúng thời hạn: 0,5 điểm; ban hành chậm so với thời hạn quy định: 0,25 điểm; không ban hành: 0 điểm.',
    0.5,
    'HẠN(50%)',
  ],
  ['Ban hành đúng hạn: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm', 1, 'HẠN(50%)'],
  ['Báo cáo đúng thời hạn: 0,5đ; báo cáo trễ hạn: 0,25đ; không báo cáo: 0đ', 0.5, 'HẠN(50%)'],
  ['Gửi báo cáo đúng hạn: 1 điểm; gửi chậm: 0,25 điểm; không gửi: 0 điểm', 1, 'HẠN(25%)'],
  [
    'Hoàn thành đúng tiến độ: 2 điểm; hoàn thành chậm tiến độ: 1 điểm; không hoàn thành: 0 điểm',
    2,
    'HẠN(50%)',
  ],
  [
    'Ban hành kế hoạch đúng thời gian quy định: 1 điểm; ban hành sau thời hạn: 0,5 điểm; không ban hành: 0 điểm',
    1,
    'HẠN(50%)',
  ],
  ['Đúng hạn: 0,5 điểm\nQuá hạn: 0 điểm', 0.5, 'HẠN(0%)'],
  ['Ban hành kịp thời: 1 điểm; ban hành không kịp thời: 0,5 điểm; không ban hành: 0 điểm', 1, 'HẠN(50%)'],
  [
    'Thực hiện đúng thời hạn: 1,5 điểm; thực hiện không đúng thời hạn: 0,75 điểm; không thực hiện: 0 điểm',
    1.5,
    'HẠN(50%)',
  ],
  ['Nộp báo cáo đúng hạn: 0.5 điểm; nộp trễ: 0.25 điểm; không nộp: 0 điểm', 0.5, 'HẠN(50%)'],
  ['Ban hành trước ngày 31/12: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm', 1, 'HẠN(50%)'],
  ['- Ban hành đúng thời hạn: 01 điểm\n- Ban hành chậm: 0,5 điểm\n- Không ban hành: 0 điểm', 1, 'HẠN(50%)'],
  ['Tổ chức thực hiện đúng hạn: điểm tối đa; chậm tiến độ: 0 điểm', 1, 'HẠN(0%)'],
  ['Báo cáo đúng thời hạn: 0,25 điểm; báo cáo chậm hoặc không báo cáo: 0 điểm', 0.25, 'HẠN(0%)'],
  [
    'Đúng thời hạn: 1 điểm; chậm dưới 10 ngày: 0,5 điểm; chậm từ 10 ngày trở lên: 0,25 điểm; không thực hiện: 0 điểm',
    1,
    'TỰ CHẤM',
    { review: true },
  ],
  ['Ban hành đúng thời hạn: 1 điểm; chậm: 0,5 điểm', 2, 'HẠN(50%)', { review: true }],
  ['Ban hành đúng hạn: 2 điểm; chậm hạn: 1 điểm; không ban hành: 0 điểm', 2, 'HẠN(50%)'],
  ['Gửi đúng thời hạn quy định: 0,5 điểm; gửi sau thời hạn quy định: 0,25 điểm', 0.5, 'HẠN(50%)'],
  [
    'Ban hành đúng thời hạn: 1đ; ban hành chậm: 0.5đ; không ban hành: 0đ. Trường hợp không phát sinh thì đạt điểm tối đa',
    1,
    'HẠN(50%)',
  ],

  // ── MỨC on shares ──
  [
    'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm.',
    1,
    'MỨC(100%: 1; 80%: 0,5)',
  ],
  [
    '≥ 95%: 2 điểm; 90% - dưới 95%: 1,5 điểm; 80% - dưới 90%: 1 điểm; < 80%: 0 điểm',
    2,
    'MỨC(95%: 2; 90%: 1,5; 80%: 1)',
  ],
  ['Từ 80% trở lên: 1 điểm; từ 50% đến dưới 80%: 0,5 điểm; dưới 50%: 0 điểm', 1, 'MỨC(80%: 1; 50%: 0,5)'],
  ['Dưới 50%: 0 điểm; từ 50% đến dưới 80%: 0,5 điểm; từ 80% trở lên: 1 điểm', 1, 'MỨC(80%: 1; 50%: 0,5)'],
  ['Đạt 100%: 2 điểm; từ 95% đến dưới 100%: 1 điểm; dưới 95%: 0 điểm', 2, 'MỨC(100%: 2; 95%: 1)'],
  [
    'Tỷ lệ 100%: 1,5 điểm; từ 90% - dưới 100%: 1 điểm; từ 70% - dưới 90%: 0,5 điểm; dưới 70%: 0 điểm',
    1.5,
    'MỨC(100%: 1,5; 90%: 1; 70%: 0,5)',
  ],
  [
    'Đạt và vượt kế hoạch: 1 điểm; đạt từ 70% đến dưới 100% kế hoạch: 0,5 điểm; dưới 70%: 0 điểm',
    1,
    'MỨC(100%: 1; 70%: 0,5)',
  ],
  [
    '100% hồ sơ giải quyết đúng hạn: 4 điểm; từ 98% đến dưới 100%: 3 điểm; từ 95% đến dưới 98%: 2 điểm; từ 90% đến dưới 95%: 1 điểm; dưới 90%: 0 điểm',
    4,
    'MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1)',
  ],
  ['>= 90%: 1 điểm; 70% - <90%: 0,5 điểm; <70%: 0 điểm', 1, 'MỨC(90%: 1; 70%: 0,5)'],
  [
    'Từ 95% trở lên: 1đ; Từ 85% đến dưới 95%: 0,75đ; Từ 70% đến dưới 85%: 0,5đ; Dưới 70%: 0đ',
    1,
    'MỨC(95%: 1; 85%: 0,75; 70%: 0,5)',
  ],
  ['Đạt từ 90% trở lên: 2 điểm\nĐạt từ 70% đến dưới 90%: 1 điểm\nDưới 70%: 0 điểm', 2, 'MỨC(90%: 2; 70%: 1)'],
  [
    'Tỷ lệ hồ sơ trực tuyến toàn trình từ 50% trở lên: 1 điểm; từ 30% đến dưới 50%: 0,5 điểm; dưới 30%: 0 điểm',
    1,
    'MỨC(50%: 1; 30%: 0,5)',
  ],
  ['Hoàn thành 100% chỉ tiêu: 0,5 điểm; dưới 100%: 0 điểm', 0.5, 'MỨC(100%: 0,5)'],
  [
    'Từ 80% trở lên: điểm tối đa; từ 60% đến dưới 80%: 0,5 điểm; dưới 60%: 0 điểm',
    1,
    'MỨC(80%: 1; 60%: 0,5)',
  ],
  [
    'Dưới 70%: 0 điểm; Từ 70% - dưới 85%: 0,5 điểm; Từ 85% - dưới 100%: 0,75 điểm; 100%: 1 điểm',
    1,
    'MỨC(100%: 1; 85%: 0,75; 70%: 0,5)',
  ],
  ['Đạt 100%: 1.0 điểm; đạt từ 90% đến dưới 100%: 0.5 điểm; dưới 90%: 0 điểm', 1, 'MỨC(100%: 1; 90%: 0,5)'],
  ['≥ 80%: 0,5 điểm; < 80%: 0 điểm', 0.5, 'MỨC(80%: 0,5)'],
  ['Từ 98% trở lên: 3 điểm; từ 95% đến dưới 98%: 2 điểm; dưới 95%: 1 điểm', 3, 'MỨC(98%: 3; 95%: 2; 0%: 1)'],
  [
    'Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến: từ 80% trở lên: 1 điểm; từ 50% đến dưới 80%: 0,5 điểm; dưới 50%: 0 điểm',
    1,
    'MỨC(80%: 1; 50%: 0,5)',
  ],
  ['Đạt 100%: 1 điểm; dưới 100%: 0 điểm', 1, 'MỨC(100%: 1)'],
  ['Từ 90% đến 100%: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm', 2, 'MỨC(90%: 2; 70%: 1)'],
  [
    'Tỷ lệ văn bản điện tử từ 90% trở lên: 1,5 điểm, từ 70% đến dưới 90%: 1 điểm, dưới 70%: 0 điểm',
    1.5,
    'MỨC(90%: 1,5; 70%: 1)',
  ],
  [
    'Đạt từ 95% trở lên: 1 điểm; từ 80% đến dưới 95%: 0,5 điểm; từ 50% đến dưới 80%: 0,25 điểm; dưới 50%: 0 điểm',
    1,
    'MỨC(95%: 1; 80%: 0,5; 50%: 0,25)',
  ],
  ['100%: 2 điểm; 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm', 2, 'MỨC(100%: 2; 90%: 1)'],
  [
    'Từ 80% trở lên được 1 điểm; từ 50% đến dưới 80% được 0,5 điểm; dưới 50%: 0 điểm',
    2,
    'MỨC(80%: 1; 50%: 0,5)',
    { review: true },
  ],
  [
    'Từ 95% trở lên: 3 điểm; từ 90% đến dưới 95%: 2 điểm; dưới 90%: 0 điểm',
    2,
    'MỨC(95%: 2; 90%: 2)',
    { review: true },
  ],
  ['Trên 90%: 1 điểm; từ 70% đến 90%: 0,5 điểm; dưới 70%: 0 điểm', 1, 'TỰ CHẤM', { review: true }],
  [
    'Tỷ lệ hài lòng đạt từ 90% trở lên: 2 điểm; từ 80% đến dưới 90%: 1 điểm; dưới 80%: 0 điểm',
    2,
    'MỨC(90%: 2; 80%: 1)',
  ],
  [
    'Giải quyết đúng hạn 100% hồ sơ: 2 điểm; từ 95% đến dưới 100%: 1 điểm; dưới 95%: 0 điểm',
    2,
    'MỨC(100%: 2; 95%: 1)',
  ],
  ['Từ 70% trở lên: 0,5 điểm. Dưới 70%: 0 điểm', 0.5, 'MỨC(70%: 0,5)'],
  ['Đạt chỉ tiêu được giao (≥ 60%): 1 điểm; không đạt: 0 điểm', 1, 'MỨC(60%: 1)'],
  ['Từ 85% - 100%: 1 điểm; Từ 70% - dưới 85%: 0,5 điểm; Dưới 70%: không điểm', 1, 'MỨC(85%: 1; 70%: 0,5)'],

  // ── MỨC on counts ──
  [
    'Từ 4 tin, bài trở lên: 1 điểm; từ 2 đến 3 tin, bài: 0,5 điểm; dưới 2 tin, bài: 0 điểm',
    1,
    'MỨC(4: 1; 2: 0,5)',
  ],
  [
    'Có từ 3 sáng kiến trở lên: 1 điểm; có 1 đến 2 sáng kiến: 0,5 điểm; không có sáng kiến: 0 điểm',
    1,
    'MỨC(3: 1; 1: 0,5)',
  ],
  [
    'Tổ chức từ 2 cuộc đối thoại trở lên: 1 điểm; tổ chức 01 cuộc: 0,5 điểm; không tổ chức: 0 điểm',
    1,
    'MỨC(2: 1; 1: 0,5)',
  ],
  [
    'Từ 12 tin bài trở lên: 2 điểm; từ 6 đến dưới 12 tin bài: 1 điểm; dưới 6 tin bài: 0 điểm',
    2,
    'MỨC(12: 2; 6: 1)',
  ],
  [
    'Kiểm tra từ 3 đơn vị trở lên: 1 điểm; 1-2 đơn vị: 0,5 điểm; không kiểm tra: 0 điểm',
    1,
    'MỨC(3: 1; 1: 0,5)',
  ],
  ['Có 1 mô hình: 0,5 điểm; có từ 2 mô hình trở lên: 1 điểm', 1, 'MỨC(2: 1; 1: 0,5)'],
  [
    'Từ 5 hoạt động trở lên: 1,5 điểm; từ 3 đến 4 hoạt động: 1 điểm; từ 1 đến 2 hoạt động: 0,5 điểm; không có hoạt động: 0 điểm',
    1.5,
    'MỨC(5: 1,5; 3: 1; 1: 0,5)',
  ],
  ['Tổ chức ≥ 4 cuộc: 1 điểm; 2-3 cuộc: 0,5 điểm; dưới 2 cuộc: 0 điểm', 1, 'MỨC(4: 1; 2: 0,5)'],
  ['Trên 3 cuộc: 1 điểm; từ 1 đến 3 cuộc: 0,5 điểm; không tổ chức: 0 điểm', 1, 'MỨC(4: 1; 1: 0,5)'],
  ['Từ 10 tin, bài trở lên: 1 điểm; từ 5 đến 9 tin, bài: 0,5 điểm', 1, 'MỨC(10: 1; 5: 0,5)'],

  // ── TỶ LỆ ──
  ['Đạt từ 80% trở lên: điểm tối đa; dưới 80%: tỷ lệ × điểm tối đa/80%', 2, 'TỶ LỆ(80%)'],
  ['Điểm = tỷ lệ % × điểm tối đa', 2, 'TỶ LỆ(100%)'],
  ['Điểm đạt được = (Số hồ sơ giải quyết đúng hạn / Tổng số hồ sơ đã giải quyết) x 20', 20, 'TỶ LỆ(100%)'],
  ['Tỷ lệ × 6', 6, 'TỶ LỆ(100%)'],
  ['Điểm = Tỷ lệ thanh toán trực tuyến × 6 điểm', 6, 'TỶ LỆ(100%)'],
  ['Tỷ lệ đạt ≥ 80%: 2 điểm; dưới 80%: điểm = tỷ lệ/80% × 2', 2, 'TỶ LỆ(80%)'],
  ['Từ 90% trở lên: điểm tối đa; dưới 90%: điểm = tỷ lệ × điểm tối đa / 90%', 6, 'TỶ LỆ(90%)'],
  ['Tính điểm theo tỷ lệ thuận với tỷ lệ hoàn thành', 1, 'TỶ LỆ(100%)'],
  [
    'Điểm = (số TTHC được cung cấp trực tuyến toàn trình / tổng số TTHC đủ điều kiện) × điểm tối đa',
    2,
    'TỶ LỆ(100%)',
  ],
  ['Điểm = tỷ lệ hồ sơ được số hóa × 4', 4, 'TỶ LỆ(100%)'],
  ['Tỷ lệ x 12', 12, 'TỶ LỆ(100%)'],
  ['Điểm = (tỷ lệ / 80%) x 2; tối đa 2 điểm', 2, 'TỶ LỆ(80%)'],
  ['Tỷ lệ × 10 điểm', 6, 'TỶ LỆ(100%)', { review: true }],
  ['Đạt từ 80% trở lên: điểm tối đa; dưới 80%: điểm = tỷ lệ đạt được × điểm tối đa / 80%', 1, 'TỶ LỆ(80%)'],
  ['Điểm = tỷ lệ hồ sơ thanh toán trực tuyến * 6', 6, 'TỶ LỆ(100%)'],

  // ── ĐẾM ──
  ['Mỗi sáng kiến được công nhận 0,5 điểm, tối đa 1 điểm', 1, 'ĐẾM(0,5)'],
  ['Mỗi tin, bài được đăng tải: 0,25 điểm; tối đa 1,5 điểm', 1.5, 'ĐẾM(0,25)'],
  ['Mỗi hoạt động tuyên truyền được 0,25 điểm, tối đa không quá 1 điểm', 1, 'ĐẾM(0,25)'],
  ['0,25 điểm/tin, bài; tối đa 1 điểm', 1, 'ĐẾM(0,25)'],
  ['Mỗi mô hình, giải pháp mới được áp dụng: 0,5 điểm (tối đa 1 điểm)', 1, 'ĐẾM(0,5)'],
  ['Mỗi cuộc kiểm tra: 0.2 điểm, tối đa 1 điểm', 1, 'ĐẾM(0,2)'],
  ['Cứ mỗi văn bản được ban hành đúng quy định được 0,1 điểm, nhưng không quá 0,5 điểm', 0.5, 'ĐẾM(0,1)'],
  ['Mỗi cuộc đối thoại được tính 0,5 điểm; tối đa 1 điểm', 1, 'ĐẾM(0,5)'],
  ['0,5đ/ sáng kiến, tối đa 2đ', 2, 'ĐẾM(0,5)'],
  ['Mỗi lượt tập huấn: 0,25 điểm', 1, 'ĐẾM(0,25)'],
  ['Mỗi sáng kiến được công nhận 0,5 điểm, tối đa 2 điểm', 1, 'ĐẾM(0,5)', { review: true }],
  ['Mỗi đợt tuyên truyền được 0,5 điểm; tối đa bằng điểm tối đa của tiêu chí', 1.5, 'ĐẾM(0,5)'],

  // ── TRỪ ──
  ['Mỗi văn bản ban hành trái pháp luật trừ 0,25 điểm.', 1, 'TRỪ(0,25)'],
  ['Không có vi phạm: 1 điểm; mỗi trường hợp vi phạm trừ 0,5 điểm', 1, 'TRỪ(0,5)'],
  ['Mỗi hồ sơ quá hạn trừ 0,1 điểm, trừ đến khi hết điểm', 1, 'TRỪ(0,1)'],
  ['Mỗi trường hợp cán bộ, công chức vi phạm kỷ luật bị trừ 0,5 điểm', 2, 'TRỪ(0,5)'],
  ['Có văn bản bị cơ quan có thẩm quyền kết luận trái pháp luật: mỗi văn bản trừ 0,25đ', 1, 'TRỪ(0,25)'],
  ['Trừ 0,25 điểm/1 văn bản chậm', 1, 'TRỪ(0,25)'],
  ['Đạt điểm tối đa nếu không có hồ sơ trễ hạn; mỗi hồ sơ trễ hạn trừ 0,2 điểm', 1, 'TRỪ(0,2)'],
  ['Mỗi lần xin lỗi người dân do trễ hạn trừ 0,5 điểm', 1, 'TRỪ(0,5)'],
  ['Mỗi phản ánh, kiến nghị xử lý quá hạn bị trừ 0.25 điểm.', 1, 'TRỪ(0,25)'],
  [
    'Không có đơn thư khiếu nại vượt cấp: 1 điểm; mỗi đơn thư vượt cấp trừ 0,25 điểm; điểm thấp nhất là 0',
    1,
    'TRỪ(0,25)',
  ],
  ['Mỗi trường hợp vi phạm trừ 0,25 điểm, tối đa trừ 0,5 điểm', 1, 'TỰ CHẤM', { review: true }],
  [
    'Mỗi văn bản chậm trừ 0,1 điểm; mỗi văn bản không thực hiện trừ 0,25 điểm',
    1,
    'TỰ CHẤM',
    { review: true },
  ],
  ['Mỗi trường hợp bị phát hiện trừ 0,5 điểm.', 1.5, 'TRỪ(0,5)'],
  ['Không có vi phạm: 2 điểm; mỗi vi phạm trừ 0,5 điểm', 1, 'TRỪ(0,5)', { review: true }],

  // ── KHẢO SÁT ──
  ['Điểm = chỉ số hài lòng × 15', 15, 'KHẢO SÁT'],
  ['Điểm = Chỉ số hài lòng của người dân (%) x điểm tối đa', 6, 'KHẢO SÁT'],
  ['Kết quả khảo sát × 10', 10, 'KHẢO SÁT'],
  ['Điểm = tỷ lệ hài lòng × 6', 6, 'KHẢO SÁT'],
  ['Điểm đánh giá = Kết quả điều tra xã hội học × điểm tối đa của tiêu chí', 3, 'KHẢO SÁT'],
  ['Chỉ số hài lòng (SIPAS) nhân với 2', 2, 'KHẢO SÁT'],
  ['Điểm bằng chỉ số hài lòng nhân với 15', 12, 'KHẢO SÁT', { review: true }],

  // ── TỰ CHẤM: what one rule cannot say ──
  ['Điểm do Hội đồng thẩm định quyết định', 2, 'TỰ CHẤM', { review: true }],
  ['Thực hiện tốt: 1 điểm; chưa tốt: 0,5 điểm; không thực hiện: 0 điểm', 1, 'TỰ CHẤM', { review: true }],
  ['Ban hành kế hoạch: 0,5 điểm; tổ chức thực hiện đầy đủ: 0,5 điểm', 1, 'TỰ CHẤM', { review: true }],
  ['Tốt: 2 điểm; Khá: 1,5 điểm; Trung bình: 1 điểm; Yếu: 0 điểm', 2, 'TỰ CHẤM', { review: true }],
  ['Căn cứ kết quả thực hiện, Hội đồng đánh giá cho điểm', 1, 'TỰ CHẤM', { review: true }],
  ['Tùy theo mức độ hoàn thành để chấm điểm từ 0 đến 1 điểm', 1, 'TỰ CHẤM', { review: true }],
  [
    'Thực hiện đầy đủ: 1 điểm; thực hiện không đầy đủ: 0,5 điểm; không thực hiện: 0 điểm',
    1,
    'TỰ CHẤM',
    { review: true },
  ],
  ['Có kế hoạch: 0,25 điểm; có báo cáo kết quả: 0,25 điểm', 0.5, 'TỰ CHẤM', { review: true }],
  ['Đánh giá chất lượng: hiệu quả: 1 điểm; ít hiệu quả: 0,5 điểm', 1, 'TỰ CHẤM', { review: true }],
  ['Theo kết quả đánh giá của cơ quan chuyên môn', 1, 'TỰ CHẤM', { review: true }],
  ['', 1, 'TỰ CHẤM', { review: true }],
  ['Xem hướng dẫn tại Phụ lục II', 1, 'TỰ CHẤM', { review: true }],
  ['Ban hành văn bản: 0,5 điểm; văn bản có nội dung chất lượng: 0,5 điểm', 1, 'TỰ CHẤM', { review: true }],
  [
    'Xếp loại Xuất sắc: 1 điểm; Tốt: 0,75 điểm; Khá: 0,5 điểm; Trung bình: 0,25 điểm',
    1,
    'TỰ CHẤM',
    { review: true },
  ],
  ['Do Ban Chỉ đạo CCHC tỉnh xem xét, đánh giá', 1, 'TỰ CHẤM', { review: true }],
  ['Đạt yêu cầu: 1 điểm; đạt một phần: 0,5 điểm; không đạt: 0 điểm', 1, 'TỰ CHẤM', { review: true }],
  ['Có triển khai: 0,5 điểm; triển khai có hiệu quả: 1 điểm', 1, 'TỰ CHẤM', { review: true }],
  ['Tối đa 1 điểm', 1, 'TỰ CHẤM', { review: true }],
  [
    'Cập nhật dữ liệu: 0,5 điểm; khai thác dữ liệu: 0,5 điểm; chia sẻ dữ liệu: 0,5 điểm',
    1.5,
    'TỰ CHẤM',
    { review: true },
  ],

  // ── Notes on "không phát sinh" and other trailing notes ──
  ['Có: 1 điểm; không: 0 điểm. Trường hợp không phát sinh thì đạt điểm tối đa.', 1, 'CÓ/KHÔNG'],
  [
    'Mỗi văn bản trái pháp luật trừ 0,5 điểm. Trường hợp không phát sinh văn bản thì đạt điểm tối đa',
    1,
    'TRỪ(0,5)',
  ],
  [
    'Từ 95% trở lên: 1 điểm; từ 80% đến dưới 95%: 0,5 điểm; dưới 80%: 0 điểm. Trường hợp không phát sinh hồ sơ thì được điểm tối đa',
    1,
    'MỨC(95%: 1; 80%: 0,5)',
  ],
  [
    'Xử lý đúng hạn 100% phản ánh, kiến nghị: 1 điểm; dưới 100%: 0 điểm. Không phát sinh phản ánh kiến nghị: đạt điểm tối đa',
    1,
    'MỨC(100%: 1)',
  ],
  ['Điểm = tỷ lệ × 2. Trường hợp không phát sinh hồ sơ thì đạt điểm tối đa', 2, 'TỶ LỆ(100%)'],
  [
    'Ban hành đúng hạn: 0,5 điểm; chậm: 0,25 điểm; không ban hành: 0 điểm. (Trường hợp không phát sinh: đạt 0,5 điểm)',
    0.5,
    'HẠN(50%)',
  ],
  [
    'Có: 1 điểm; không: 0 điểm. Trường hợp không phát sinh thì không chấm điểm tiêu chí này',
    1,
    'CÓ/KHÔNG; KPS: KAD',
    { kps: true },
  ],
  [
    'Mỗi vụ việc xử lý đúng hạn được 0,25 điểm, tối đa 1 điểm. Trường hợp không phát sinh: 0 điểm',
    1,
    'ĐẾM(0,25); KPS: 0',
    { kps: true },
  ],

  // Compound prose: a clause beside the scale awards points the rule cannot account for.
  [
    'Ban hành đúng hạn: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm; có sáng kiến trong tổ chức thực hiện: 0,5 điểm',
    1.5,
    'TỰ CHẤM',
    { review: true },
  ],
  [
    'Từ 80% trở lên: 1 điểm; dưới 80%: 0 điểm; có báo cáo phân tích nguyên nhân: 0,5 điểm',
    1.5,
    'TỰ CHẤM',
    { review: true },
  ],
  [
    'Có kế hoạch: 1 điểm; không có: 0 điểm; thêm phần đánh giá hiệu quả: 0,25 điểm',
    1.25,
    'TỰ CHẤM',
    { review: true },
  ],
  // An extra level beside the scale, worth no more than the max: only "every clause accounted for" catches it.
  [
    'Ban hành đúng hạn: 1 điểm; chậm: 0,5 điểm; ban hành nhưng nội dung chưa đầy đủ: 0,5 điểm; không ban hành: 0 điểm',
    1,
    'TỰ CHẤM',
    { review: true },
  ],
  [
    'Từ 80% trở lên: 1 điểm; từ 50% đến dưới 80%: 0,5 điểm; có kế hoạch nhưng chưa triển khai: 0,25 điểm; dưới 50%: 0 điểm',
    1,
    'TỰ CHẤM',
    { review: true },
  ],
  // ── More real variation ──
  [
    'Công khai đầy đủ, đúng thời hạn: 1 điểm; công khai chậm: 0,5 điểm; không công khai: 0 điểm',
    1,
    'HẠN(50%)',
  ],
  [
    'Triển khai đúng hạn: 0,75 điểm; triển khai chậm: 0,5 điểm; không triển khai: 0 điểm',
    0.75,
    'HẠN(66,6667%)',
    { values: ['Đúng hạn', 'Chưa'] },
  ],
  ['Đạt từ 50% trở lên: 1 điểm; dưới 50%: 0,5 điểm', 1, 'MỨC(50%: 1; 0%: 0,5)'],
  [
    'Số hóa kết quả giải quyết TTHC: 100%: 1 điểm; 90 - dưới 100%: 0,5 điểm; dưới 90%: 0 điểm',
    1,
    'MỨC(100%: 1; 90%: 0,5)',
  ],
  ['Tỷ lệ từ 80% trở lên: 0,5đ; từ 60 - dưới 80%: 0,25đ; dưới 60%: 0đ', 0.5, 'MỨC(80%: 0,5; 60%: 0,25)'],
  ['Có sáng kiến được công nhận cấp tỉnh: 1 điểm; không có: 0 điểm', 1, 'CÓ/KHÔNG'],
  [
    'Đạt 100% chỉ tiêu: 1 điểm\nĐạt từ 80% đến dưới 100% chỉ tiêu: 0,5 điểm\nĐạt dưới 80% chỉ tiêu: 0 điểm',
    1,
    'MỨC(100%: 1; 80%: 0,5)',
  ],
  ['Thực hiện đúng quy định: 0,5 điểm; chưa đúng quy định: 0 điểm', 0.5, 'CÓ/KHÔNG'],
  ['Mỗi cán bộ, công chức bị xử lý kỷ luật: trừ 1 điểm', 2, 'TRỪ(1)'],
  ['Mỗi kiến nghị được giải quyết: 0,1 điểm/kiến nghị; tối đa 0,5 điểm', 0.5, 'ĐẾM(0,1)'],
  ['Tỷ lệ số hóa ≥ 90%: 2 điểm; từ 70% - < 90%: 1 điểm; < 70%: 0 điểm', 2, 'MỨC(90%: 2; 70%: 1)'],
  ['Từ 3 lần trở lên: 0,5 điểm; 1 - 2 lần: 0,25 điểm; không thực hiện: 0 điểm', 0.5, 'MỨC(3: 0,5; 1: 0,25)'],
  ['Chấm theo tỷ lệ: Điểm = điểm tối đa × tỷ lệ đạt được', 1, 'TỶ LỆ(100%)'],
  [
    'Đúng hạn: 1 điểm; trễ hạn: 0,5 điểm; không thực hiện: 0 điểm. Trường hợp không phát sinh thì đạt điểm tối đa.',
    1,
    'HẠN(50%)',
  ],
  ['Tổ chức họp định kỳ hàng quý đầy đủ: 0,5 điểm; không tổ chức: 0 điểm', 0.5, 'CÓ/KHÔNG'],
  ['Bố trí đủ trang thiết bị theo quy định: 0,5 điểm\nKhông bố trí đủ: 0 điểm', 0.5, 'CÓ/KHÔNG'],
  [
    'Kết nối, tích hợp với Hệ thống thông tin giải quyết TTHC của tỉnh: 1 điểm; chưa kết nối: 0 điểm',
    1,
    'CÓ/KHÔNG',
  ],
  ['Đạt từ 70% trở lên: 1 điểm; từ 50% đến dưới 70%: 0,5 điểm; dưới 50%: 0 điểm', 1, 'MỨC(70%: 1; 50%: 0,5)'],
  [
    'Từ 90% trở lên: 1,5 điểm; Từ 80% đến dưới 90%: 1 điểm; Từ 70% đến dưới 80%: 0,5 điểm; Dưới 70%: 0 điểm',
    1.5,
    'MỨC(90%: 1,5; 80%: 1; 70%: 0,5)',
  ],
];

/** Values each kind of rule is scored on (boundaries, just below, zero, blank, above). */
const PERCENTS: CellValue[] = [
  1.2,
  1,
  0.999,
  0.98,
  0.97,
  0.95,
  0.94,
  0.9,
  0.89,
  0.85,
  0.8,
  0.79,
  0.7,
  0.6,
  0.5,
  0.45,
  0.3,
  0.1,
  0,
  '',
];
const COUNTS: CellValue[] = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 20, ''];
const VALUES: Record<string, CellValue[]> = {
  'CÓ/KHÔNG': ['Có', 'Không', ''],
  HẠN: ['Đúng hạn', 'Trễ hạn', 'Chưa', ''],
  MỨC: [...PERCENTS, ...COUNTS],
  'TỶ LỆ': PERCENTS,
  ĐẾM: COUNTS,
  TRỪ: COUNTS,
  'KHẢO SÁT': [1, 0.95, 0.8, 0.5, 0, ''],
};

/** The values a rule is scored on; "Không phát sinh" and "Không áp dụng" for every rule. */
export function valuesFor(rule: string): CellValue[] {
  const head = rule.replace(/[(;].*$/, '').trim();
  return [...(VALUES[head] ?? []), 'Không phát sinh', 'Không áp dụng'];
}

export const CORPUS: CorpusLine[] = rows.map(([prose, max, rule, options]) => ({
  prose,
  max,
  rule,
  review: options?.review === true,
  kps: options?.kps === true,
  values: options?.values ?? valuesFor(rule),
}));
