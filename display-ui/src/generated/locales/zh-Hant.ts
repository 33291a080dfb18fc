
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's044fae4c336c28e1': `啟用聲音`,
's091d3d07b5b3076f': `一般`,
's0aef6cb34c9544e6': str`本網點沒有${0}號窗口。`,
's0c4e610021642867': `現在叫號`,
's146d49a29f2518d7': `等候時間太長`,
's1b212ad025026e7b': `謝謝您的評價！`,
's2431bc2f24f3f1ba': `請評價我們的服務`,
's26c55e27179f540c': `今日尚未叫號`,
's2d6f8500295bf2c5': str`${0}號窗口`,
's35a08d4c7d5a0842': str`請到${0}號窗口`,
's3e04ff7cf55bfe10': `今日已截止取號`,
's43b124b5dcec3779': `非常滿意`,
's4786eb175d161e9f': `再次呼叫`,
's47c564d7f0a71e08': `今日暫停服務`,
's4cdef29e1eab4114': `此顯示屏尚未設定：請在網址中加上網點及設備令牌後開啟。`,
's4e8b63b7d2061e77': `最近叫號`,
's5208745cd4708233': `正在連線…`,
's60d3a30f1165e315': `存款利率（年利率）`,
's613890ac5cdaff80': `此設備已登出`,
's66413c24dcf680e2': `略過`,
's6691c1bf64200d83': `無需等候`,
's67bdfbcb80cecfce': `問題未解決`,
's6dbbe2646b239ca5': `已關閉`,
's73112da1b80edcc6': `公告`,
's74359cde9ae78760': `尚未開始取號`,
's79b5146c25d01cc2': `暫無窗口服務`,
's7e2fb0ab107b69c7': `請取號，留意叫號`,
's84fad88fc1ea0c46': `同時叫號`,
's9152daea3bfc156f': `大堂環境`,
's9185d6c3d2c908db': `今日號碼已派完`,
's95bc8722b2708f8b': `暫停服務`,
's9b724969794f8dc1': str`現正叫號 ${0}`,
'sa05537c3cde5b62d': `服務態度`,
'sa4b15b17fa07dd86': `請留意叫號`,
'sa54af3748f3710f8': str`約 ${0} 分鐘`,
'sb349f019a716a4fd': `不滿意`,
'sb75ee24776b3d425': `號碼`,
'sbd730e284e2e2ad7': `抱歉，評價未能送出。`,
'sc40cd77e0d29dbf8': `滿意`,
'sc5564721201bb714': `其他`,
'sc867e59b507ae768': `伺服器拒絕了此顯示屏的設備令牌：`,
'sc8cdd20be6454a2f': `哪方面令您不滿意？`,
'sc999fade9ee65d44': `正在重新連線…`,
'scdb1bac161852c73': `歡迎光臨`,
'sd5ee7e3bee4dbf3f': `很不滿意`,
'sd869fed1d3022d6b': str`窗口 ${0} 開始服務`,
'seac9afef1a00b5e8': `人`,
    };
  