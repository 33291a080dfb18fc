
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's044fae4c336c28e1': `启用声音`,
's091d3d07b5b3076f': `一般`,
's0aef6cb34c9544e6': str`本网点没有${0}号窗口。`,
's0c4e610021642867': `现在叫号`,
's146d49a29f2518d7': `等候时间太长`,
's1b212ad025026e7b': `谢谢您的评价！`,
's2431bc2f24f3f1ba': `请评价我们的服务`,
's26c55e27179f540c': `今日尚未叫号`,
's2d6f8500295bf2c5': str`${0}号窗口`,
's35a08d4c7d5a0842': str`请到${0}号窗口`,
's3e04ff7cf55bfe10': `今日已截止取号`,
's43b124b5dcec3779': `非常满意`,
's4786eb175d161e9f': `再次呼叫`,
's47c564d7f0a71e08': `今日暂停服务`,
's4cdef29e1eab4114': `此显示屏尚未设置：请在网址中加上网点及设备令牌后打开。`,
's4e8b63b7d2061e77': `最近叫号`,
's5208745cd4708233': `正在连接…`,
's60d3a30f1165e315': `存款利率（年利率）`,
's613890ac5cdaff80': `此设备已登出`,
's66413c24dcf680e2': `跳过`,
's6691c1bf64200d83': `无需等候`,
's67bdfbcb80cecfce': `问题未解决`,
's6dbbe2646b239ca5': `已关闭`,
's73112da1b80edcc6': `公告`,
's74359cde9ae78760': `尚未开始取号`,
's79b5146c25d01cc2': `暂无窗口服务`,
's7e2fb0ab107b69c7': `请取号，留意叫号`,
's84fad88fc1ea0c46': `同时叫号`,
's9152daea3bfc156f': `大堂环境`,
's9185d6c3d2c908db': `今日号码已取完`,
's95bc8722b2708f8b': `暂停服务`,
's9b724969794f8dc1': str`现正叫号 ${0}`,
'sa05537c3cde5b62d': `服务态度`,
'sa4b15b17fa07dd86': `请留意叫号`,
'sa54af3748f3710f8': str`约 ${0} 分钟`,
'sb349f019a716a4fd': `不满意`,
'sb75ee24776b3d425': `号码`,
'sbd730e284e2e2ad7': `抱歉，评价未能提交。`,
'sc40cd77e0d29dbf8': `满意`,
'sc5564721201bb714': `其他`,
'sc867e59b507ae768': `服务器拒绝了此显示屏的设备令牌：`,
'sc8cdd20be6454a2f': `哪方面令您不满意？`,
'sc999fade9ee65d44': `正在重新连接…`,
'scdb1bac161852c73': `欢迎光临`,
'sd5ee7e3bee4dbf3f': `很不满意`,
'sd869fed1d3022d6b': str`窗口 ${0} 开始服务`,
'seac9afef1a00b5e8': `人`,
    };
  