// The sample set's rows as text, format in sample.ts. Only set-up reads it, and set-up is a lazy module
// (src/server/setUpTab.lazy.ts): the text is in dist/lazy_setUpTab.html, not in dist/Code.js, which every
// custom-function call loads.
export function sampleText(): string {
  return `
1|10|||VP-TK||Công tác chỉ đạo, điều hành CCHC
1.1|2.5|||VP-TK||Kế hoạch CCHC năm
1.1.1|1|HẠN(50%)||VP-TK|31/1|Ban hành KH CCHC năm đúng hạn
1.1.2|1.5|MỨC(100%: 1,5; 80%: 0,75)|100%|VP-TK||Mức độ hoàn thành KH CCHC
1.2|1|HẠN(50%)||VP-TK|15/12|Báo cáo CCHC định kỳ (quý, 6 tháng, năm) đầy đủ, đúng hạn
1.3|1|MỨC(100%: 1; 50%: 0,5)|100%|VP-TK||Tự kiểm tra CCHC, khắc phục tồn tại
1.4|1.5|ĐẾM(0,25)|6|VH-XH||Tuyên truyền CCHC
1.5|2.5|TRỪ(0,25)|0|VP-TK||Thực hiện nhiệm vụ UBND cấp trên giao
1.6|1.5|TỰ CHẤM||CT/PCT||Sáng kiến, giải pháp mới trong CCHC
2|8|||TP-HT||Cải cách thể chế (xây dựng, thực hiện VBQPPL)
2.1|1.5|CÓ/KHÔNG||TP-HT||Ban hành VBQPPL đúng thẩm quyền, trình tự
2.2|2|||TP-HT||Rà soát, kiểm tra, xử lý văn bản
2.2.1|0.5|HẠN(50%)||TP-HT|31/3|Ban hành KH rà soát / tự kiểm tra văn bản
2.2.2|1.5|MỨC(100%: 1,5; 80%: 0,75)|100%|TP-HT||Tỷ lệ văn bản phát hiện sai sót được xử lý
2.3|2.5|||TP-HT||Phổ biến, giáo dục pháp luật
2.3.1|0.5|HẠN(50%)||TP-HT|31/1|Ban hành KH PBGDPL năm đúng hạn
2.3.2|1|MỨC(100%: 1; 80%: 0,5)|100%|TP-HT||Mức độ hoàn thành KH PBGDPL
2.3.3|1|CÓ/KHÔNG|Đạt|TP-HT||Xã đạt chuẩn tiếp cận pháp luật
2.4|1|CÓ/KHÔNG||TP-HT||Theo dõi tình hình thi hành pháp luật
2.5|1|MỨC(80%: 1; 60%: 0,5)|80%|TP-HT||Tỷ lệ hòa giải ở cơ sở thành
3|20|||BPMC||Cải cách thủ tục hành chính
3.1|2|||BPMC||Công khai TTHC
3.1.1|1|TRỪ(0,25)|0|BPMC||Niêm yết, công khai đầy đủ TTHC tại BPMC và trang TTĐT
3.1.2|1|CÓ/KHÔNG||BPMC||Công khai tiến độ, kết quả giải quyết hồ sơ
3.2|3|||BPMC||Cơ chế một cửa, một cửa liên thông
3.2.1|1|CÓ/KHÔNG||VP-TK||BPMC bố trí đúng quy định (cơ sở vật chất, công chức)
3.2.2|2|MỨC(100%: 2; 95%: 1)|100%|BPMC||Tỷ lệ hồ sơ được tiếp nhận, cập nhật trên Hệ thống giải quyết TTHC tỉnh
3.3|6|||BPMC||Kết quả giải quyết TTHC
3.3.1|4|MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1)|100%|Tất cả các ngành||Tỷ lệ hồ sơ giải quyết đúng hạn
3.3.2|1|CÓ/KHÔNG||BPMC||Xin lỗi bằng văn bản 100% hồ sơ trễ hạn
3.3.3|1|MỨC(100%: 1)|100%|VP-TK||Xử lý phản ánh, kiến nghị về TTHC đúng hạn
3.4|5|||BPMC||Dịch vụ công trực tuyến
3.4.1|2.5|TỶ LỆ|50%|BPMC, TP-HT, ĐC-XD||Tỷ lệ hồ sơ nộp trực tuyến / tổng hồ sơ của TTHC có DVCTT
3.4.2|1.5|TỶ LỆ|30%|BPMC, TC-KT||Tỷ lệ hồ sơ thanh toán trực tuyến (phí, lệ phí)
3.4.3|1|TỶ LỆ|80%|BPMC||Tỷ lệ hồ sơ được người dân đánh giá trên hệ thống
3.5|4|||BPMC||Số hóa hồ sơ, kết quả giải quyết TTHC
3.5.1|2|MỨC(100%: 2; 80%: 1)|100%|BPMC||Tỷ lệ hồ sơ được số hóa khi tiếp nhận
3.5.2|2|MỨC(100%: 2; 80%: 1)|100%|BPMC||Tỷ lệ kết quả giải quyết được số hóa, cấp bản điện tử
4|5|||VP-TK (Nội vụ)||Cải cách tổ chức bộ máy
4.1|1.5|CÓ/KHÔNG||VP-TK||Số lượng cán bộ, công chức không vượt số được giao
4.2|1|CÓ/KHÔNG||VP-TK||Quy chế làm việc, phân công nhiệm vụ UBND xã được cập nhật
4.3|1|CÓ/KHÔNG||VP-TK||Thực hiện phân cấp, ủy quyền; kiện toàn thôn theo quy định
4.4|1.5|MỨC(100%: 1,5; 50%: 0,75)|100%|VP-TK||Thực hiện kiến nghị sau thanh tra, kiểm tra về tổ chức bộ máy
5|10|||VP-TK (Nội vụ)||Cải cách chế độ công vụ
5.1|2.5|TRỪ(1,5)|0|VP-TK||Bố trí công chức theo vị trí việc làm được phê duyệt
5.2|1|HẠN(50%)||VP-TK|15/12|Đánh giá, xếp loại CBCC đúng quy định, đúng hạn
5.3|1.5|MỨC(100%: 1,5; 80%: 0,75)|100%|VP-TK||Tỷ lệ CBCC được bồi dưỡng theo kế hoạch
5.4|4|||CT||Kỷ luật, kỷ cương hành chính, đạo đức công vụ
5.4.1|1|CÓ/KHÔNG||VP-TK||Thực hiện văn hóa công sở, quy tắc ứng xử (đeo thẻ, giờ giấc)
5.4.2|2|TRỪ(1)|0|CT||Không có CBCC bị kỷ luật trong năm
5.4.3|1|TRỪ(0,5)|0|CT||Không có phản ánh về nhũng nhiễu, gây phiền hà được xác minh đúng
5.5|1|HẠN(50%)||VP-TK|31/12|Cập nhật CSDL, báo cáo về CBCC đúng hạn
6|9|||TC-KT||Cải cách tài chính công
6.1|2|MỨC(100%: 2; 90%: 1)|100%|TC-KT||Thực hiện dự toán thu ngân sách
6.2|3|MỨC(98%: 3; 95%: 2; 90%: 1)|98%|TC-KT, ĐC-XD||Tỷ lệ giải ngân vốn đầu tư công được giao
6.3|1.5|HẠN(50%)||TC-KT|31/1|Công khai dự toán, quyết toán ngân sách đúng hạn
6.4|1.5|CÓ/KHÔNG||TC-KT||Quy chế chi tiêu nội bộ, quản lý tài sản công
6.5|1|MỨC(100%: 1)|100%|TC-KT||Thực hiện kiến nghị thanh tra, kiểm toán tài chính
7|13|||VP-TK||Xây dựng, phát triển chính quyền điện tử, chính quyền số
7.1|3|MỨC(100%: 3; 90%: 2)|100%|VP-TK||Tỷ lệ văn bản đi ký số, gửi nhận trên hệ thống QLVB (trừ mật)
7.2|1|CÓ/KHÔNG||VP-TK||Sử dụng chữ ký số cơ quan, cá nhân lãnh đạo
7.3|2|TỶ LỆ|12|VH-XH||Trang TTĐT xã cập nhật đầy đủ, kịp thời (số tháng có ≥ 4 tin bài)
7.4|1|HẠN(50%)||VP-TK|15/12|Báo cáo qua Hệ thống thông tin báo cáo đúng hạn
7.5|2|TỶ LỆ|100%|Công an xã, TP-HT||Triển khai Đề án 06 (dữ liệu dân cư, định danh điện tử)
7.6|2|CÓ/KHÔNG||VH-XH||Tổ công nghệ số cộng đồng hoạt động hiệu quả
7.7|2|TRỪ(1)|0|VP-TK||Không xảy ra sự cố mất an toàn thông tin
8|25|||CT||Tác động của CCHC, sự hài lòng của người dân
8.1|15|KHẢO SÁT|85%|—||Chỉ số hài lòng của người dân (điều tra XHH / SIPAS do cấp trên tổ chức)
8.2|3|TỶ LỆ|95%|BPMC||Tỷ lệ đánh giá hài lòng trên Hệ thống giải quyết TTHC
8.3|4|MỨC(100%: 4; 80%: 2)|100%|CT||Hoàn thành chỉ tiêu phát triển KT-XH do HĐND xã giao
8.4|2|CÓ/KHÔNG|Đạt|VP-TK||Duy trì tiêu chí nông thôn mới về hành chính công
8.5|1|TRỪ(0,5)|0|CT||Không có đơn thư khiếu nại đông người, vượt cấp kéo dài
+|2|TỰ CHẤM||CT||Điểm thưởng (mô hình, sáng kiến được cấp trên công nhận)
-|5|TỰ CHẤM||CT||Điểm trừ (bị cấp trên phê bình về CCHC, chậm báo cáo đột xuất)
`;
}
