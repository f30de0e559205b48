// The 766 set's rows as text, format in template766.ts. Only set-up reads it, and set-up is a lazy module
// (src/server/setUpTab.lazy.ts): the text is in dist/lazy_setUpTab.html, not in dist/Code.js, which every
// custom-function call loads.
export function text766(): string {
  return `
1|18|||Công khai, minh bạch
1.1|6|TỶ LỆ; KPS: 0|PUBLISH_ON_TIME|TTHC được công bố đúng hạn
1.2|4|TỶ LỆ; KPS: 0|PUBLIC_UPDATE_ON_TIME|TTHC được cập nhật, công khai đúng hạn trên Cổng DVCQG
1.3|2|TỶ LỆ; KPS: 0|PUBLIC_CONTENT_FULL|TTHC công khai đầy đủ nội dung
1.4|6|TỶ LỆ; KPS: 0|DOSSIER_SYNC|Hồ sơ được đồng bộ trạng thái lên Cổng DVCQG
2|20|||Tiến độ giải quyết
2.1|20|TỶ LỆ; KPS: 0|PROGRESS_ON_TIME|Hồ sơ giải quyết trước hạn, đúng hạn / hồ sơ đã tiếp nhận
3|12|||Dịch vụ công trực tuyến
3.1|12|TỶ LỆ; KPS: 0|ONLINE_SERVICE|Cung cấp dịch vụ công trực tuyến (tỷ lệ tổng hợp do Cổng DVCQG công bố)
4|22|||Số hóa hồ sơ
4.1|6|TỶ LỆ; KPS: 0|ORIGINAL_RESULT_AVAILABLE|Hồ sơ có kết quả giải quyết điện tử
4.2|4|TỶ LỆ; KPS: 0|SO_HOA_GIAY_TO_GIAI_QUYET|Hồ sơ được số hóa giấy tờ khi tiếp nhận, giải quyết
4.3|2|TỶ LỆ(80%); KPS: 0|REUSED_DIGITIZED_DATA|Khai thác, sử dụng lại dữ liệu số hóa (ngưỡng 80%)
4.4|4|TỶ LỆ; KPS: 0|SYNCED_WITH_DVCQG_PERSONAL_STORAGE|Hồ sơ số hóa có kết nối, chia sẻ với kho dữ liệu cá nhân trên Cổng DVCQG
4.5|2|TỶ LỆ; KPS: 0|CITIZEN_DATA_CONNECTED_DOSSIER|Hồ sơ sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư
4.6|2|TỶ LỆ; KPS: 0|CITIZEN_DATA_CONNECTED_FORMALITY|TTHC có kết nối, khai thác dữ liệu dân cư
4.7|2|TỶ LỆ|ELECTRONIC_CERTIFIED_COPY|Chứng thực bản sao điện tử từ bản chính (không phát sinh: đạt điểm tối đa)
5|10|||Thanh toán trực tuyến
5.1|6|TỶ LỆ; KPS: 0|PAY_ONLINE_DOSSIER_RATIO|Hồ sơ thanh toán trực tuyến / hồ sơ có thu phí, lệ phí
5.2|2|TỶ LỆ(80%); KPS: 0|PAY_FORMALITY_WITH_ONLINE_TXN|TTHC có giao dịch thanh toán trực tuyến (ngưỡng 80%)
5.3|2|TỶ LỆ(80%); KPS: 0|PAY_FEE_FORMALITY_WITH_DOSSIER|TTHC có thu phí phát sinh hồ sơ thanh toán trực tuyến (ngưỡng 80%)
6|18|||Mức độ hài lòng
6.1|6|TỶ LỆ(90%); KPS: 0|DOSSIER_RECEIVING_SATISFACTION|Mức độ hài lòng trong tiếp nhận, giải quyết TTHC (ngưỡng 90%)
6.2|6|TỶ LỆ|PETITION_PROCESSING_ON_TIME|Phản ánh, kiến nghị được xử lý đúng hạn (không phát sinh: đạt điểm tối đa)
6.3|6|TỶ LỆ|PETITION_HANDLING_SATISFACTION|Mức độ hài lòng trong xử lý phản ánh, kiến nghị (không phát sinh: đạt điểm tối đa)
6.4|0|TỶ LỆ|PETITION_CLASSIFICATION_TTHC|Phản ánh, kiến nghị về quy định TTHC (theo dõi, không tính điểm)
6.5|0|TỶ LỆ|PETITION_CLASSIFICATION_STAFF|Phản ánh, kiến nghị về hành vi của cán bộ (theo dõi, không tính điểm)
`;
}
